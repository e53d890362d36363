import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlList, SqlWhere, updatedRows } from '@bottega/core';

export interface FeedbackRow {
  exchangeId: string;
  userId: string;
  rating: number;
  comment: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An exchange's feedback in aggregate, and whether its managers closed it. */
export interface FeedbackSummaryRow {
  exchangeId: string;
  feedbackClosedAt: Date | null;
  count: number;
  average: number | null;
  /** How many gave 1, 2, 3, 4 and 5. */
  distribution: number[];
}

const COLUMNS = `f.exchange_id AS "exchangeId", f.user_id AS "userId", f.rating::int AS rating, f.comment, f.created_at AS "createdAt", f.updated_at AS "updatedAt"`;

/** The only code that reads and writes feedback on exchanges. */
@Injectable()
export class ExchangeFeedbackRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Each exchange's summary, in one statement for a page of them. */
  async summaries(exchangeIds: readonly string[]): Promise<FeedbackSummaryRow[]> {
    const rows: (Omit<FeedbackSummaryRow, 'average'> & { average: string | null })[] = await this.db.query(
      `SELECT e.id AS "exchangeId", e.feedback_closed_at AS "feedbackClosedAt", count(f.rating)::int AS count, avg(f.rating) AS average,
              ARRAY[count(*) FILTER (WHERE f.rating = 1), count(*) FILTER (WHERE f.rating = 2), count(*) FILTER (WHERE f.rating = 3),
                    count(*) FILTER (WHERE f.rating = 4), count(*) FILTER (WHERE f.rating = 5)]::int[] AS distribution
         FROM peer_exchange e LEFT JOIN peer_exchange_feedback f ON f.exchange_id = e.id
        WHERE e.id = ANY($1::uuid[]) GROUP BY e.id`,
      [exchangeIds],
    );
    return rows.map((row) => ({ ...row, average: row.average === null ? null : Number(row.average) }));
  }

  /** Feedback by `(exchangeId, userId)` pairs, in one statement. */
  byPairs(pairs: readonly { exchangeId: string; userId: string }[]): Promise<FeedbackRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM peer_exchange_feedback f
         JOIN unnest($1::uuid[], $2::uuid[]) AS k(exchange_id, user_id) ON k.exchange_id = f.exchange_id AND k.user_id = f.user_id`,
      [pairs.map((p) => p.exchangeId), pairs.map((p) => p.userId)],
    );
  }

  /** An exchange's feedback: all of it, one person's, or none (`of: null`); order and paging are the caller's. */
  list(exchangeId: string, of: 'all' | string | null): SqlList<FeedbackRow> {
    const where = new SqlWhere().and('f.exchange_id = :exchangeId', { exchangeId });
    if (of === null) where.and('false');
    else if (of !== 'all') where.and('f.user_id = :userId', { userId: of });
    return new SqlList<FeedbackRow>(COLUMNS, `FROM peer_exchange_feedback f WHERE ${where}`, where.params, this.db);
  }

  /** Whether feedback is closed, read under the exchange's row lock (the caller holds it). */
  async closedAt(manager: EntityManager, exchangeId: string): Promise<Date | null> {
    const [row]: { closedAt: Date | null }[] = await manager.query(`SELECT feedback_closed_at AS "closedAt" FROM peer_exchange WHERE id = $1`, [exchangeId]);
    return row?.closedAt ?? null;
  }

  /** Gives or edits the person's feedback. */
  async upsert(manager: EntityManager, exchangeId: string, userId: string, rating: number, comment: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO peer_exchange_feedback (exchange_id, user_id, rating, comment) VALUES ($1, $2, $3, $4)
       ON CONFLICT (exchange_id, user_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, updated_at = now()`,
      [exchangeId, userId, rating, comment],
    );
  }

  /** Closes feedback; false when it already was. */
  async close(manager: EntityManager, exchangeId: string): Promise<boolean> {
    return (
      updatedRows(await manager.query(`UPDATE peer_exchange SET feedback_closed_at = now() WHERE id = $1 AND feedback_closed_at IS NULL RETURNING id`, [exchangeId]))
        .length === 1
    );
  }
}
