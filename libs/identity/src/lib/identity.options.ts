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
  };
}
