import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principals } from '@bottega/core';
import { EXCHANGE_AUDIENCE, exchangeColumns } from './exchange.audience';
import { waitlistPositionSql } from './registration.repository';

/** An exchange in a person's feed, with what they hold there. */
export interface FeedEntry {
  exchangeId: string;
  /** REGISTERED or WAITLISTED; null for a peer who reviews it. */
  registrationStatus: string | null;
  position: number | null;
}

/** The most a personal feed holds: the latest exchanges by start. */
const FEED_MAX = 500;

/** The only code that reads and writes personal calendar feeds: only the hash of a feed's token is kept. */
@Injectable()
export class CalendarFeedRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A new feed for the person, in place of the one they had (which stops working). */
  async replace(userId: string, tokenHash: Buffer): Promise<{ id: string; createdAt: Date }> {
    return this.db.transaction(async (manager) => {
      await manager.query(`UPDATE exchange_calendar_feed SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
      const [row]: { id: string; createdAt: Date }[] = await manager.query(
        `INSERT INTO exchange_calendar_feed (user_id, token_hash) VALUES ($1, $2) RETURNING id, created_at AS "createdAt"`,
        [userId, tokenHash],
      );
      if (!row) throw new Error('A calendar feed was not written');
      return row;
    });
  }

  /** Revokes the person's feed; false when they had none. */
  async revoke(userId: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE exchange_calendar_feed SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    return count > 0;
  }

  /** The owner of a live feed, by its token's hash. */
  async ownerOf(tokenHash: Buffer): Promise<string | null> {
    const [row]: { userId: string }[] = await this.db.query(
      `SELECT user_id AS "userId" FROM exchange_calendar_feed WHERE token_hash = $1 AND revoked_at IS NULL`,
      [tokenHash],
    );
    return row?.userId ?? null;
  }

  /**
   * The exchanges where the person holds or waits for a seat, or reviews as
   * a peer, among those they read now (a private community left drops them).
   */
  async entries(userId: string, principals: Principals): Promise<FeedEntry[]> {
    const readable = EXCHANGE_AUDIENCE.where(exchangeColumns('e', 'ec'), principals);
    const sql = `SELECT e.id AS "exchangeId", r.status AS "registrationStatus",
        ${waitlistPositionSql('r')} AS position
      FROM peer_exchange e JOIN community ec ON ec.id = e.host_community_id
      LEFT JOIN peer_exchange_registration r ON r.exchange_id = e.id AND r.user_id = :feedUserId AND r.status IN ('REGISTERED', 'WAITLISTED')
      LEFT JOIN peer_review_invitation i ON i.exchange_id = e.id AND i.user_id = :feedUserId AND i.status = 'ACCEPTED'
      WHERE (r.id IS NOT NULL OR i.id IS NOT NULL) AND ${readable.sql}
      ORDER BY e.starts_at DESC, e.id LIMIT ${FEED_MAX}`;
    return this.db.query(...this.db.driver.escapeQueryWithParameters(sql, { ...readable.params, feedUserId: userId }));
  }
}
