import type { RateLimit } from '@bottega/core';

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');

export interface IdentityOptions {
  refreshTokenTtlSeconds: number;
  limits: {
    /** Sign-in attempts from one address, whatever the account. */
    loginPerIp: RateLimit;
    /** Back-off per account and address: free attempts, then waits doubling from `baseSeconds` up to `maxSeconds`. */
    loginBackoff: { freeAttempts: number; baseSeconds: number; maxSeconds: number };
    /** Sign-in attempts for one account from addresses it has never signed in from. */
    loginFailuresPerAccount: RateLimit;
    /** Accounts created from one address. */
    registerPerIp: RateLimit;
    /** Calls of `POST /session/refresh` and `/session/logout` from one address ({@link DEFAULT_BROWSER_SESSION_LIMIT} when unset). */
    browserSessionPerIp?: RateLimit;
  };
}

/**
 * A browser renews its access token every few minutes; this leaves room for a
 * few hundred people behind one address while stopping a script guessing cookies.
 */
export const DEFAULT_BROWSER_SESSION_LIMIT: RateLimit = { limit: 120, windowSeconds: 60 };
