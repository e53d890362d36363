import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RateLimitedError } from '../graphql/errors';

export interface RateLimit {
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

interface WindowState {
  hits: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters kept in PostgreSQL, so every API process shares them.
 * A counter is one upsert; old windows are swept now and then.
 */
@Injectable()
export class RateLimiter {
  private calls = 0;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Counts `hits` (one operation may be several, e.g. aliased mutations) and throws RATE_LIMITED once the window's limit is passed. */
  async consume(key: string, rule: RateLimit, hits = 1): Promise<void> {
    const state = await this.hit(key, rule, hits);
    if (state.hits > rule.limit) throw new RateLimitedError(state.retryAfterSeconds);
  }

  private async hit(key: string, rule: RateLimit, hits: number): Promise<WindowState> {
    const windowStart = this.windowStart(rule);
    const [row]: { hits: number }[] = await this.db.query(
      `INSERT INTO rate_limit_counter (key, window_start, hits) VALUES ($1, $2, $3)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_counter.hits + $3
       RETURNING hits`,
      [key, windowStart, hits],
    );
    if (++this.calls % 500 === 0) void this.sweep();
    return { hits: row?.hits ?? 1, retryAfterSeconds: this.retryAfter(windowStart, rule) };
  }

  private windowStart(rule: RateLimit): Date {
    const windowMs = rule.windowSeconds * 1000;
    return new Date(Math.floor(Date.now() / windowMs) * windowMs);
  }

  private retryAfter(windowStart: Date, rule: RateLimit): number {
    return Math.max(1, Math.ceil((windowStart.getTime() + rule.windowSeconds * 1000 - Date.now()) / 1000));
  }

  private async sweep(): Promise<void> {
    await this.db
      .query(`DELETE FROM rate_limit_counter WHERE window_start < now() - interval '1 day'`)
      .catch(() => undefined);
  }
}
