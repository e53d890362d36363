import { registerEnumType } from '@nestjs/graphql';
import type { Loaders } from '../graphql/loaders';

/** Site-wide roles; roles within a community or project live with those features. */
export enum GlobalRole {
  USER = 'USER',
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
}

registerEnumType(GlobalRole, { name: 'GlobalRole', description: 'Site-wide role of an account.' });

/** The signed-in account behind a request, as verified against its live session. */
export interface Viewer {
  userId: string;
  sessionId: string;
  role: GlobalRole;
  /**
   * The account's principals, when they were read with its session (one
   * statement for both); the access directory uses them until the request writes.
   */
  principals?: readonly string[];
}

/** Claims carried by an access token. */
export interface AccessClaims {
  userId: string;
  sessionId: string;
  /** When the token stops working; sockets opened with it are closed then. */
  expiresAt: Date;
}

/**
 * Confirms that the session behind an access token is still live and returns
 * the account's current role. Provided by the identity library.
 */
export abstract class SessionVerifier {
  /** `loaders` lets many checks in one request (or one event's fan-out) share a query. */
  abstract verify(claims: AccessClaims, loaders: Loaders): Promise<Viewer | null>;
}
