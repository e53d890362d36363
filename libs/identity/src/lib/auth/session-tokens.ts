import { Field, ObjectType } from '@nestjs/graphql';
import { createHash, randomBytes } from 'node:crypto';

@ObjectType({ description: 'Credentials of a session: a short-lived access token and a one-use refresh token.' })
export class SessionTokens {
  @Field({ description: 'Send as `Authorization: Bearer <token>`, or as `authorization` in graphql-ws connection params.' })
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Exchange once with `refreshSession`; using it twice revokes the session.' })
  refreshToken!: string;

  @Field()
  refreshTokenExpiresAt!: Date;
}

@ObjectType({ description: 'The short-lived part of a session, for clients whose refresh token is kept in a cookie.' })
export class SessionAccess {
  @Field({ description: 'Send as `Authorization: Bearer <token>`, or as `authorization` in graphql-ws connection params.' })
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  static of(tokens: SessionTokens): SessionAccess {
    return Object.assign(new SessionAccess(), { accessToken: tokens.accessToken, accessTokenExpiresAt: tokens.accessTokenExpiresAt });
  }
}

/** A fresh opaque refresh token and the hash that is stored for it. */
export function newRefreshToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
