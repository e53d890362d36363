import type { RateLimit } from '@bottega/core';

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');

export interface IdentityOptions {
  refreshTokenTtlSeconds: number;
  limits: {
    /** Sign-in attempts from one address. */
    loginPerIp: RateLimit;
    /** Failed sign-ins for one account, whatever the address. */
    loginFailuresPerAccount: RateLimit;
    /** Accounts created from one address. */
    registerPerIp: RateLimit;
  };
}
