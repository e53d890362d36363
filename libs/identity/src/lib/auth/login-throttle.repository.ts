import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface BackoffRule {
  /** Attempts per account and address before any waiting. */
  freeAttempts: number;
  baseSeconds: number;
  maxSeconds: number;
}

export interface CeilingRule {
  /** Attempts per account from addresses it has never signed in from, per window. */
  limit: number;
  windowSeconds: number;
}

/** Set when an attempt may not be made yet. */
export interface Refusal {
  retryAfterSeconds: number;
}

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super('refused');
  }
}

/** The only code that reads and writes `login_backoff` and `login_account_ceiling`. */
@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Whether this account has ever signed in from this address. */
  async isKnownAddress(account: string, address: string): Promise<boolean> {
    const [row]: { known: boolean }[] = await this.db.query(
      `SELECT EXISTS (
         SELECT 1 FROM auth_session s JOIN app_user u ON u.id = s.user_id WHERE u.email = $1 AND s.ip = $2
       ) AS known`,
      [account, address],
    );
    return row?.known ?? false;
  }

  /**
   * Takes one attempt for the pair, and one under the account's ceiling when
   * `ceiling` is given, or neither. Each counter is one conditional upsert, so
   * concurrent attempts queue on its row and cannot pass together.
   */
  async reserve(account: string, address: string, backoff: BackoffRule, ceiling: CeilingRule | null): Promise<Refusal | null> {
    try {
      await this.db.transaction(async (manager) => {
        // clock_timestamp(), not now(): a transaction that waited on the row lock must compare with the time it got it.
        const reserved: unknown[] = await manager.query(
          `INSERT INTO login_backoff AS b (account, address, attempts, next_allowed_at)
           VALUES ($1, $2, 1, CASE WHEN 1 < $3::int THEN '-infinity'::timestamptz ELSE clock_timestamp() + make_interval(secs => least($5::float8, $4::float8)) END)
           ON CONFLICT (account, address) DO UPDATE
              SET attempts = b.attempts + 1,
                  next_allowed_at = CASE WHEN b.attempts + 1 < $3::int THEN '-infinity'::timestamptz
                    ELSE clock_timestamp() + make_interval(secs => least($5::float8, $4::float8 * power(2, least(b.attempts + 1 - $3::int, 30)))) END,
                  updated_at = clock_timestamp()
            WHERE b.next_allowed_at <= clock_timestamp()
           RETURNING attempts`,
          [account, address, backoff.freeAttempts, backoff.baseSeconds, backoff.maxSeconds],
        );
        if (reserved.length === 0) {
          const [row]: { wait: number }[] = await manager.query(
            `SELECT extract(epoch FROM next_allowed_at - clock_timestamp())::float8 AS wait FROM login_backoff WHERE account = $1 AND address = $2`,
            [account, address],
          );
          throw new Refused({ retryAfterSeconds: seconds(row?.wait) });
        }
        if (!ceiling) return;
        const counted: unknown[] = await manager.query(
          `INSERT INTO login_account_ceiling AS c (account, attempts, window_start) VALUES ($1, 1, clock_timestamp())
           ON CONFLICT (account) DO UPDATE
              SET attempts = CASE WHEN c.window_start <= excluded.window_start - make_interval(secs => $3::float8) THEN 1 ELSE c.attempts + 1 END,
                  window_start = CASE WHEN c.window_start <= excluded.window_start - make_interval(secs => $3::float8)
                    THEN excluded.window_start ELSE c.window_start END
            WHERE c.attempts < $2::int OR c.window_start <= excluded.window_start - make_interval(secs => $3::float8)
           RETURNING attempts`,
          [account, ceiling.limit, ceiling.windowSeconds],
        );
        if (counted.length === 0) {
          const [row]: { wait: number }[] = await manager.query(
            `SELECT extract(epoch FROM window_start + make_interval(secs => $2::float8) - clock_timestamp())::float8 AS wait
               FROM login_account_ceiling WHERE account = $1`,
            [account, ceiling.windowSeconds],
          );
          // Rolls the pair's attempt back too: nothing was tried.
          throw new Refused({ retryAfterSeconds: seconds(row?.wait) });
        }
      });
      return null;
    } catch (error) {
      if (error instanceof Refused) return error.refusal;
      throw error;
    }
  }

  /** After a correct password: the pair starts afresh, and so does the account's ceiling. */
  async clear(account: string, address: string): Promise<void> {
    await this.db.query(
      `WITH pair AS (DELETE FROM login_backoff WHERE account = $1 AND address = $2)
       DELETE FROM login_account_ceiling WHERE account = $1`,
      [account, address],
    );
  }

  /** Forgets pairs and windows idle for a day. */
  async sweep(): Promise<void> {
    await this.db.query(
      `WITH pairs AS (DELETE FROM login_backoff WHERE updated_at < now() - interval '1 day' AND next_allowed_at < now())
       DELETE FROM login_account_ceiling WHERE window_start < now() - interval '1 day'`,
    );
  }
}

function seconds(wait: number | undefined): number {
  return Math.max(1, Math.ceil(wait ?? 1));
}
