import { GlobalRole, type Viewer } from '../auth/viewer';
import { IDENTITY_READ, type ReadValue } from '../context/viewer-reads';

/** Every reader, signed in or not. */
export const EVERYONE = 'everyone';
/** Every account that is signed in (and not suspended). */
export const SIGNED_IN = 'signed-in';
/** Site moderators and admins. */
export const STAFF = 'staff';

/** The site-wide roles that make an account staff. */
export const STAFF_ROLES: readonly GlobalRole[] = [GlobalRole.MODERATOR, GlobalRole.ADMIN];

/** Site moderators and admins: they see and decide on everything that is not deleted. */
export const isStaff = (viewer: Pick<Viewer, 'role'> | null): boolean => viewer !== null && STAFF_ROLES.includes(viewer.role);

/** A principal naming one thing of a kind: `user:<id>`, `member:<community id>`. */
export const principal = (kind: string, id: string): string => `${kind}:${id}`;

/** The principal every account holds for itself. */
export const USER = 'user';
/** `coordinator:<community>`: runs a community, and moderates and reviews what is in it. */
export const COORDINATOR = 'coordinator';

/**
 * What one person is, for every access decision: the principals that access
 * rules ({@link Audience}) are written against. Anonymous readers hold only
 * {@link EVERYONE}; a suspended account holds nothing.
 */
export class Principals {
  static readonly ANONYMOUS = new Principals(null, [EVERYONE]);
  static readonly NOBODY = new Principals(null, []);

  private readonly set: ReadonlySet<string>;
  private readonly sorted: readonly string[];

  constructor(
    private readonly account: string | null,
    principals: Iterable<string>,
  ) {
    this.set = new Set(principals);
    this.sorted = [...this.set].sort();
  }

  get userId(): string | null {
    return this.account;
  }

  /** Sorted, for SQL parameters and search filters. */
  get list(): readonly string[] {
    return this.sorted;
  }

  has(name: string): boolean {
    return this.set.has(name);
  }

  /** Whether they hold `kind:<id>`, e.g. `holds('coordinator', communityId)`. */
  holds(kind: string, id: string): boolean {
    return this.has(principal(kind, id));
  }

  /** The ids of every `kind:<id>` they hold, e.g. the communities they coordinate. */
  idsOf(kind: string): string[] {
    const prefix = `${kind}:`;
    return this.sorted.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length));
  }

  /**
   * The same principals, telling `onRead` what each use reads: a principal
   * asked about and whether it is held, the ids of a kind, the account, or the
   * whole list; `again` reads the same of other principals.
   */
  observed(onRead: PrincipalsObserver): Principals {
    return new ObservedPrincipals(this, onRead);
  }
}

/** Told of each read of observed principals (see {@link Principals.observed}). */
export type PrincipalsObserver = (key: string, value: ReadValue, again: (other: Principals) => ReadValue) => void;

class ObservedPrincipals extends Principals {
  constructor(
    private readonly inner: Principals,
    private readonly onRead: PrincipalsObserver,
  ) {
    super(inner.userId, inner.list);
  }

  override get userId(): string | null {
    this.onRead(IDENTITY_READ, this.inner.userId, (other) => other.userId);
    return this.inner.userId;
  }

  override get list(): readonly string[] {
    this.onRead('principals', this.inner.list, (other) => other.list);
    return this.inner.list;
  }

  override has(name: string): boolean {
    const held = this.inner.has(name);
    this.onRead(`principal:${name}`, held, (other) => other.has(name));
    return held;
  }

  override idsOf(kind: string): string[] {
    const ids = this.inner.idsOf(kind);
    this.onRead(`principals:${kind}`, ids, (other) => other.idsOf(kind));
    return ids;
  }
}

/**
 * A feature's part of what accounts are: a SELECT of `(user_id uuid,
 * principal text)` rows for the accounts in `$1::uuid[]`. The identity
 * library gives the base (everyone, signed-in, user, staff) and leaves out
 * suspended accounts; an account without {@link SIGNED_IN} holds nothing,
 * whatever other sources say. The forum adds memberships, invitations and
 * coordination.
 */
export interface PrincipalSource {
  readonly name: string;
  readonly sql: string;
}
