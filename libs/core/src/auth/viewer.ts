import { registerEnumType } from '@nestjs/graphql';

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
}

/** Claims carried by an access token. */
export interface AccessClaims {
  userId: string;
  sessionId: string;
}

/**
 * Confirms that the session behind an access token is still live and returns
 * the account's current role. Provided by the identity library.
 */
export abstract class SessionVerifier {
  abstract verify(claims: AccessClaims): Promise<Viewer | null>;
}
