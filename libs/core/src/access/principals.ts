import { GlobalRole, type Viewer } from '../auth/viewer';

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
  /** Sorted, for SQL parameters and search filters. */
  readonly list: readonly string[];

  constructor(
    readonly userId: string | null,
    principals: Iterable<string>,
  ) {
    this.set = new Set(principals);
    this.list = [...this.set].sort();
  }

  has(name: string): boolean {
    return this.set.has(name);
  }

  /** Whether they hold `kind:<id>`, e.g. `holds('coordinator', communityId)`. */
  holds(kind: string, id: string): boolean {
    return this.set.has(principal(kind, id));
  }

  /** The ids of every `kind:<id>` they hold, e.g. the communities they coordinate. */
  idsOf(kind: string): string[] {
    const prefix = `${kind}:`;
    return this.list.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length));
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
