import { Inject, Injectable } from '@nestjs/common';
import { RateLimitedError } from '@bottega/core';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity.options';
import { LoginThrottleRepository } from './login-throttle.repository';

/**
 * Slows password guessing without letting anyone lock an owner out.
 *
 * Each account and client address pair has a few free attempts, then every
 * further one waits twice as long as the last, up to a ceiling; a correct
 * password clears the pair. Addresses the account has never signed in from
 * also share a per-account ceiling, against attacks spread over many
 * addresses; addresses it has signed in from are exempt, and signing in from
 * one lifts the ceiling. An attempt is reserved before the password is
 * checked, so concurrent attempts cannot all slip through.
 */
@Injectable()
export class LoginThrottleService {
  private calls = 0;

  constructor(
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly throttle: LoginThrottleRepository,
  ) {}

  /** Reserves an attempt for this account (as typed) from this address, or throws RATE_LIMITED. */
  async admit(account: string, address: string): Promise<void> {
    const { loginBackoff, loginFailuresPerAccount } = this.options.limits;
    const known = await this.throttle.isKnownAddress(account, address);
    const refusal = await this.throttle.reserve(account, address, loginBackoff, known ? null : loginFailuresPerAccount);
    if (++this.calls % 500 === 0) void this.throttle.sweep().catch(() => undefined);
    if (refusal) throw new RateLimitedError(refusal.retryAfterSeconds);
  }

  /** After a correct password. */
  async succeeded(account: string, address: string): Promise<void> {
    await this.throttle.clear(account, address);
  }
}
