import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import type { AccessClaims } from './viewer';

export interface AccessTokenOptions {
  secret: string;
  ttlSeconds: number;
  issuer: string;
}

export const ACCESS_TOKEN_OPTIONS = Symbol('ACCESS_TOKEN_OPTIONS');

/** Valid tokens whose signature was checked, remembered at most this many at once. */
const VERIFIED_TOKENS = 10_000;

/**
 * Signs and verifies short-lived access tokens (HS256 JWT). A client sends
 * the same token with every request for its lifetime, so a token found valid
 * is remembered until it expires (bounded, least recently used first out):
 * its signature and claims cannot change, and whether its session is still
 * live is checked at every use anyway.
 */
@Injectable()
export class AccessTokenService {
  private readonly key: Uint8Array;
  private readonly verified = new LRUCache<string, AccessClaims>({ max: VERIFIED_TOKENS });

  constructor(@Inject(ACCESS_TOKEN_OPTIONS) private readonly options: AccessTokenOptions) {
    this.key = new TextEncoder().encode(options.secret);
  }

  get ttlSeconds(): number {
    return this.options.ttlSeconds;
  }

  async sign(claims: Pick<AccessClaims, 'userId' | 'sessionId'>): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + this.options.ttlSeconds;
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(this.options.issuer)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** The claims of a valid token, or null for an expired, forged or malformed one. */
  async verify(token: string): Promise<AccessClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt.getTime() > Date.now()) return known;
      this.verified.delete(token);
      return null;
    }
    const claims = await this.check(token);
    if (claims) this.verified.set(token, claims);
    return claims;
  }

  private async check(token: string): Promise<AccessClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: this.options.issuer,
        algorithms: ['HS256'],
        // A token without an expiry would never stop working.
        requiredClaims: ['exp', 'iat', 'sub', 'sid'],
      });
      if (typeof payload.sub !== 'string' || typeof payload['sid'] !== 'string' || typeof payload.exp !== 'number') return null;
      return { userId: payload.sub, sessionId: payload['sid'], expiresAt: new Date(payload.exp * 1000) };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return null;
      throw error;
    }
  }
}
