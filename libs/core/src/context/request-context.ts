import type { FastifyReply, FastifyRequest } from 'fastify';
import { Loaders } from '../graphql/loaders';
import { UnauthenticatedError, ForbiddenError } from '../graphql/errors';
import type { ResponseBudget } from '../graphql/response-budget';
import type { AccessTokenService } from '../auth/access-token.service';
import type { AccessClaims, GlobalRole, SessionVerifier, Viewer } from '../auth/viewer';
import { IDENTITY_READ, ViewerReads, type ReadValue } from './viewer-reads';

/** A rule deciding whether a signed-in account may do something. */
export type Policy = (viewer: Viewer) => boolean | Promise<boolean>;

/** Allows accounts with one of these site-wide roles. */
export const hasRole =
  (...roles: GlobalRole[]): Policy =>
  (viewer) =>
    roles.includes(viewer.role);

/** Everything a resolver knows about the request it serves. */
export class RequestContext {
  private currentLoaders = new Loaders();
  private viewerPromise: Promise<Viewer | null> | undefined;
  /** The viewer, once `viewerPromise` has settled: policies are then decided without waiting. */
  private settled: { viewer: Viewer | null } | undefined;
  /** The token's claims, checked once: a subscription re-checks the session at each event, not the signature. */
  private claimsPromise: Promise<AccessClaims | null> | undefined;
  /** Set on a context from {@link recording}: what its operation reads of the viewer. */
  readonly reads: ViewerReads | null = null;
  /** Set by `OperationGuard` for a heavy operation, whose execution's list loads take turns with other requests. */
  heavy = false;

  constructor(
    readonly requestId: string,
    /** Client address, for per-IP limits. */
    readonly ip: string,
    readonly userAgent: string | null,
    private readonly credentials: Credentials,
    private readonly tokens: AccessTokenService,
    private readonly sessions: SessionVerifier,
    /** What the response may still grow by; see `meterResponses`. */
    readonly budget: ResponseBudget,
    /** The HTTP request and its reply, for the few resolvers that read headers or set cookies; null over graphql-ws. */
    readonly http: HttpExchange | null = null,
  ) {}

  /**
   * The signed-in account, or null for an anonymous request. A token that is
   * present but expired, forged or revoked is an UNAUTHENTICATED error, so a
   * client knows to refresh rather than silently seeing public data.
   */
  viewer(): Promise<Viewer | null> {
    if (this.reads) return this.recordIdentity(this.reads.own.viewer());
    if (!this.viewerPromise) {
      const resolving = this.resolveViewer();
      this.viewerPromise = resolving;
      resolving.then(
        (viewer) => {
          if (this.viewerPromise === resolving) this.settled = { viewer };
        },
        () => undefined,
      );
    }
    return this.viewerPromise;
  }

  /**
   * This context, recording what its operation reads of the viewer (see
   * {@link ViewerReads}): the account (`viewer()`, the token's claims), the
   * principals asked about (`AccessDirectory.of`) and personal values
   * ({@link personal}). Everything else, loaders and budget included, is this
   * context's.
   */
  recording(): RequestContext & { reads: ViewerReads } {
    return Object.create(this, { reads: { value: new ViewerReads(this) } }) as RequestContext & { reads: ViewerReads };
  }

  /**
   * A value that depends on who the viewer is, read by `read` from the
   * viewer's context (the kinds of reaction they left on a post): read through
   * here rather than from `viewer()`, it lets an operation's result be given
   * to every viewer for whom the value is the same (see {@link recording}).
   */
  async personal<T extends ReadValue>(key: string, read: (own: RequestContext) => Promise<T>): Promise<T> {
    const reads = this.reads;
    if (!reads) return read(this);
    const value = await read(reads.own);
    reads.record(`personal:${key}`, value, read);
    return value;
  }

  /** This request's DataLoaders. */
  get loaders(): Loaders {
    return this.currentLoaders;
  }

  /**
   * Forgets the viewer and everything loaded: a long-lived subscription calls
   * it before each event, so the event is checked against the session and
   * memberships as they are now. `loaders` may be shared by every subscriber
   * of one event, since loaders key viewer-specific data by viewer.
   */
  renew(loaders: Loaders = new Loaders()): void {
    this.currentLoaders = loaders;
    this.viewerPromise = undefined;
    this.settled = undefined;
    this.budget.reset();
  }

  /** After signing in, the rest of the response is resolved as the new session's account. */
  signedInAs(viewer: Viewer): void {
    this.viewerPromise = Promise.resolve(viewer);
    this.settled = { viewer };
  }

  async requireViewer(): Promise<Viewer> {
    const viewer = await this.viewer();
    if (!viewer) throw new UnauthenticatedError();
    return viewer;
  }

  /**
   * The viewer, when `policy` allows them; UNAUTHENTICATED when anonymous,
   * FORBIDDEN when refused. `viewerCan*` fields call {@link can} with the same policy.
   */
  async authorize(policy: Policy): Promise<Viewer> {
    const viewer = await this.requireViewer();
    if (!(await policy(viewer))) throw new ForbiddenError();
    return viewer;
  }

  /**
   * Whether `policy` allows the viewer; false when anonymous. Decided at once
   * when the viewer is already known (a page's many `viewerCan*` fields), not
   * a turn of the event loop later.
   */
  can(policy: Policy): boolean | Promise<boolean> {
    const settled = this.reads ? undefined : this.settled;
    if (settled) return settled.viewer !== null && policy(settled.viewer);
    return this.viewer().then((viewer) => viewer !== null && policy(viewer));
  }

  /** The access token's claims, verified once for this context; null when anonymous or invalid. */
  accessClaims(): Promise<AccessClaims | null> {
    if (this.reads) return this.recordIdentity(this.reads.own.accessClaims());
    if (this.credentials === null || this.credentials === MALFORMED) return Promise.resolve(null);
    this.claimsPromise ??= this.tokens.verify(this.credentials);
    return this.claimsPromise;
  }

  /**
   * Starts checking the session with an event's `loaders` as soon as the
   * event arrives, before this subscriber's turn, so that all the subscribers
   * of an event are checked in one statement; changes nothing of this
   * context (its current event may still be in progress). Resolves with the
   * viewer it found (null when anonymous or refused: the subscriber's turn
   * says why), for a feature to start loading what the event will show them;
   * the account is announced to `loaders` as an expected reader.
   */
  prepare(loaders: Loaders): Promise<Viewer | null> {
    if (this.credentials === null || this.credentials === MALFORMED) return Promise.resolve(null);
    return this.accessClaims()
      .then((claims) => {
        if (!claims || claims.expiresAt.getTime() <= Date.now()) return null;
        loaders.expectReader(claims.userId);
        return this.sessions.verify(claims, loaders);
      })
      .catch(() => null);
  }

  private async recordIdentity<T extends { userId: string } | null>(found: Promise<T>): Promise<T> {
    const value = await found;
    this.reads?.record(IDENTITY_READ, value?.userId ?? null, async (other) => (await other.viewer())?.userId ?? null);
    return value;
  }

  private async resolveViewer(): Promise<Viewer | null> {
    if (this.credentials === null) return null;
    if (this.credentials === MALFORMED) throw new UnauthenticatedError(MALFORMED_MESSAGE);
    const claims = await this.accessClaims();
    const live = claims !== null && claims.expiresAt.getTime() > Date.now();
    const viewer = live && (await this.sessions.verify(claims, this.loaders));
    if (!viewer) throw new UnauthenticatedError('Your access token is invalid or expired; refresh your session.');
    return viewer;
  }
}

/** An operation's HTTP request and the reply its response goes out with. */
export interface HttpExchange {
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Marks credentials that were sent but are not a bearer token. */
export const MALFORMED = Symbol('malformed credentials');
export const MALFORMED_MESSAGE = 'Send the access token as "Authorization: Bearer <token>".';

/** An access token, none (anonymous), or credentials sent in a form we do not accept. */
export type Credentials = string | null | typeof MALFORMED;

/**
 * Reads a bearer token from an `Authorization` header value. Anything else
 * that was sent is MALFORMED, refused rather than read as anonymous.
 */
export function bearerToken(header: unknown): Credentials {
  if (header === undefined || header === null) return null;
  if (typeof header !== 'string') return MALFORMED;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? MALFORMED;
}
