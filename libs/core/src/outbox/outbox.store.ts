import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxChange, OutboxEvent } from './outbox';

/** Any constant works; all Bottega processes must agree on it. */
const SEQUENCER_LOCK = 4_242_002;

interface EventRow {
  position: string;
  kind: string;
  subjectId: string;
  change: OutboxChange;
  version: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** How far behind a consumer is: changes it has not handled, and the age of the oldest. */
export interface OutboxLag {
  events: number;
  oldestSeconds: number;
}

/** The outbox's SQL, for the runner. */
@Injectable()
export class OutboxStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Gives committed rows their positions, in `id` order, continuing the log.
   * One process at a time (the lock), each statement seeing every earlier
   * run: so a row that committed late still gets a position after all those
   * given before, and per subject, versions get increasing positions (a later
   * version drew its id after the earlier one committed).
   */
  async sequence(limit: number): Promise<number> {
    return this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEQUENCER_LOCK]);
      const [, affected]: [unknown, number] = await manager.query(
        `WITH next AS (
           SELECT e.id, (SELECT coalesce(max(position), 0) FROM outbox_event) + row_number() OVER (ORDER BY e.id) AS position
             FROM (SELECT id FROM outbox_event WHERE position IS NULL ORDER BY id LIMIT $1) e)
         UPDATE outbox_event e SET position = next.position FROM next WHERE e.id = next.id`,
        [limit],
      );
      return affected;
    });
  }

  /** Creates the consumer's row (at the start of the retained log), or marks it as run by a process now. */
  async ensureConsumer(name: string): Promise<void> {
    await this.db.query('INSERT INTO outbox_consumer (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET updated_at = now()', [name]);
  }

  /**
   * Deletes the rows of consumers no process has run for `expiryDays` (removed
   * from the code, or renamed), so the changes they never handled can be
   * pruned; returns their names.
   */
  async retireConsumers(expiryDays: number): Promise<string[]> {
    const [rows]: [{ name: string }[], number] = await this.db.query(
      `DELETE FROM outbox_consumer WHERE updated_at < now() - make_interval(days => $1) RETURNING name`,
      [expiryDays],
    );
    return rows.map((row) => row.name);
  }

  /**
   * Claims the consumer for this transaction, unless another process holds
   * it or it is backing off after a failure: null then.
   */
  async claim(manager: EntityManager, name: string): Promise<number | null> {
    const [row]: { position: string }[] = await manager.query(
      `SELECT position FROM outbox_consumer WHERE name = $1 AND (retry_at IS NULL OR retry_at <= now()) FOR UPDATE SKIP LOCKED`,
      [name],
    );
    return row ? Number(row.position) : null;
  }

  /** Claims the consumer for this transaction, waiting for a batch in flight to end. */
  async lock(manager: EntityManager, name: string): Promise<void> {
    await manager.query(`SELECT 1 FROM outbox_consumer WHERE name = $1 FOR UPDATE`, [name]);
  }

  async eventsAfter(manager: EntityManager, position: number, limit: number): Promise<OutboxEvent[]> {
    const rows: EventRow[] = await manager.query(
      `SELECT position, kind, subject_id AS "subjectId", change, version, payload, created_at AS "createdAt"
         FROM outbox_event WHERE position > $1 ORDER BY position LIMIT $2`,
      [position, limit],
    );
    return rows.map((row) => ({ ...row, position: Number(row.position), version: Number(row.version) }));
  }

  async advance(manager: EntityManager, name: string, position: number): Promise<void> {
    await manager.query(
      `UPDATE outbox_consumer SET position = $2, attempts = 0, last_error = NULL, retry_at = NULL, updated_at = now() WHERE name = $1`,
      [name, position],
    );
  }

  /** Records a failed batch; the consumer is not claimed again before its back-off (doubling per attempt) has passed. */
  async failed(name: string, error: string, firstMs: number, maxMs: number): Promise<{ attempts: number; retryInMs: number }> {
    // An UPDATE answers [rows, count].
    const [[row]]: [{ attempts: number; retryInMs: number }[], number] = await this.db.query(
      `WITH delay AS (SELECT least($3::float8 * power(2, attempts), $4::float8) AS ms FROM outbox_consumer WHERE name = $1)
       UPDATE outbox_consumer SET attempts = attempts + 1, last_error = $2, updated_at = now(),
              retry_at = now() + (SELECT ms FROM delay) * interval '1 millisecond'
        WHERE name = $1
       RETURNING attempts, (SELECT ms FROM delay)::float8 AS "retryInMs"`,
      [name, error.slice(0, 2_000), firstMs, maxMs],
    );
    return row ?? { attempts: 1, retryInMs: firstMs };
  }

  /**
   * Deletes changes older than `retentionDays` that every consumer has
   * handled (all of them, when none is registered). The last placed row stays:
   * the next positions continue from it.
   */
  async prune(retentionDays: number, limit: number): Promise<number> {
    const [, affected]: [unknown, number] = await this.db.query(
      `DELETE FROM outbox_event WHERE id IN (
         SELECT e.id FROM outbox_event e
          WHERE e.created_at < now() - make_interval(days => $1)
            AND NOT EXISTS (SELECT 1 FROM outbox_consumer c WHERE c.position < coalesce(e.position, 'Infinity'::numeric))
            AND (e.position IS NULL OR e.position < (SELECT max(position) FROM outbox_event))
          ORDER BY e.id LIMIT $2)`,
      [retentionDays, limit],
    );
    return affected;
  }

  async lag(name: string): Promise<OutboxLag> {
    const [row]: { events: number; oldestSeconds: number | null }[] = await this.db.query(
      `SELECT count(*)::int AS events, extract(epoch FROM now() - min(e.created_at))::float8 AS "oldestSeconds"
         FROM outbox_event e
        WHERE e.position IS NULL OR e.position > (SELECT position FROM outbox_consumer WHERE name = $1)`,
      [name],
    );
    return { events: row?.events ?? 0, oldestSeconds: row?.oldestSeconds ?? 0 };
  }
}
