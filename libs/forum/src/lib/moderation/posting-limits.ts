import { Inject, Injectable } from '@nestjs/common';
import { RateLimiter, isStaff, type RequestContext } from '@bottega/core';
import { UserLoaders } from '@bottega/identity';
import { MODERATION_OPTIONS, isNewAccount, type ModerationOptions } from '@bottega/moderation';

/**
 * Slows down what spammers do first: accounts younger than a few days may
 * start only so many threads and replies per hour (attempts count, as with
 * every rate limit). Staff are exempt.
 */
@Injectable()
export class PostingLimits {
  constructor(
    @Inject(MODERATION_OPTIONS) private readonly options: ModerationOptions,
    private readonly limiter: RateLimiter,
    private readonly userLoaders: UserLoaders,
  ) {}

  /** RATE_LIMITED when a new account has used up its posts for this hour; counts one otherwise. */
  async check(context: RequestContext): Promise<void> {
    const viewer = await context.requireViewer();
    if (isStaff(viewer)) return;
    const { days, postsPerHour } = this.options.newAccounts;
    const user = await context.loaders.get(this.userLoaders.byId).load(viewer.userId);
    if (!user || !isNewAccount(user.createdAt, days)) return;
    await this.limiter.consume(`posting:new-account:${viewer.userId}`, { limit: postsPerHour, windowSeconds: 3600 });
  }
}
