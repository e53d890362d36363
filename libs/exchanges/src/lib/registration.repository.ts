import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlList, SqlWhere, updatedRows } from '@bottega/core';

/** One registration as lists and the viewer read it; `position` is its place in the waitlist (1 first) while WAITLISTED. */
export interface RegistrationRow {
  id: string;
  exchangeId: string;
  userId: string;
  status: string;
  note: string | null;
  arrival: number;
  position: number | null;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Someone moved from the waitlist to a seat. */
export interface PromotedRegistration {
  id: string;
  userId: string;
  arrival: number;
}


/** SQL: the registration `alias`'s place on its exchange's waitlist (its rank by arrival among those waiting), null unless waiting. */
export const waitlistPositionSql = (alias: string): string =>
  `CASE WHEN ${alias}.status = 'WAITLISTED' THEN (SELECT count(*)::int FROM peer_exchange_registration w
     WHERE w.exchange_id = ${alias}.exchange_id AND w.status = 'WAITLISTED' AND w.arrival <= ${alias}.arrival) END`;

const REGISTRATION_COLUMNS = [
  'r.id',
  'r.exchange_id AS "exchangeId"',
  'r.user_id AS "userId"',
  'r.status',
  'r.note',
  'r.arrival::int AS arrival',
  `${waitlistPositionSql('r')} AS position`,
  'r.promoted_at AS "promotedAt"',
  'r.cancelled_at AS "cancelledAt"',
  'r.created_at AS "createdAt"',
  'r.updated_at AS "updatedAt"',
].join(', ');

/**
 * The only code that reads and writes registrations. Every write runs under
 * the exchange's row lock (`ExchangeRepository.lock`), which orders them: the
 * seat counts on the exchange's row and the arrivals move with them.
 */
@Injectable()
export class RegistrationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The person's registration at the exchange, whatever its status. */
  async registrationOf(manager: EntityManager, exchangeId: string, userId: string): Promise<RegistrationRow | null> {
    const [row]: RegistrationRow[] = await manager.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM peer_exchange_registration r WHERE r.exchange_id = $1 AND r.user_id = $2`,
      [exchangeId, userId],
    );
    return row ?? null;
  }

  /**
   * Registers the person, with a seat while seats are left and on the
   * waitlist otherwise, at the next arrival (a cancelled registration comes
   * back at the end of the line). The caller holds the row lock, so seats and
   * arrivals are handed out one at a time.
   */
  async register(manager: EntityManager, exchangeId: string, userId: string, note: string | null): Promise<RegistrationRow> {
    // Nobody jumps the line: a seat goes to a newcomer only while nobody waits.
    await manager.query(
      `WITH old AS (SELECT registered_count < capacity AND waitlisted_count = 0 AS seat FROM peer_exchange WHERE id = $1),
       taken AS (
         UPDATE peer_exchange e SET arrivals = e.arrivals + 1,
                registered_count = e.registered_count + CASE WHEN old.seat THEN 1 ELSE 0 END,
                waitlisted_count = e.waitlisted_count + CASE WHEN old.seat THEN 0 ELSE 1 END
           FROM old WHERE e.id = $1 RETURNING e.arrivals, old.seat)
       INSERT INTO peer_exchange_registration AS r (exchange_id, user_id, status, note, arrival)
       SELECT $1, $2, CASE WHEN taken.seat THEN 'REGISTERED' ELSE 'WAITLISTED' END, $3, taken.arrivals FROM taken
       ON CONFLICT (exchange_id, user_id) DO UPDATE
         SET status = EXCLUDED.status, note = EXCLUDED.note, arrival = EXCLUDED.arrival,
             promoted_at = NULL, cancelled_at = NULL, created_at = now(), updated_at = now()`,
      [exchangeId, userId, note],
    );
    const registration = await this.registrationOf(manager, exchangeId, userId);
    if (!registration) throw new Error('A registration was not written');
    return registration;
  }

  /** Ends the person's registration (the caller holds the row lock); the seat or waitlist place it held is counted off. */
  async cancelRegistration(manager: EntityManager, registration: RegistrationRow): Promise<void> {
    await manager.query(
      `UPDATE peer_exchange_registration SET status = 'CANCELLED', cancelled_at = now(), updated_at = now() WHERE id = $1`,
      [registration.id],
    );
    const column = registration.status === 'REGISTERED' ? 'registered_count' : 'waitlisted_count';
    await manager.query(`UPDATE peer_exchange SET ${column} = ${column} - 1 WHERE id = $1`, [registration.exchangeId]);
  }

  /**
   * Moves the first waitlisted people, in arrival order, to the seats left
   * (the caller holds the row lock); returns who was promoted, in order.
   */
  async promote(manager: EntityManager, exchangeId: string): Promise<PromotedRegistration[]> {
    const promoted: { id: string; userId: string; arrival: string }[] = updatedRows(
      await manager.query(
        `UPDATE peer_exchange_registration r SET status = 'REGISTERED', promoted_at = now(), updated_at = now()
          WHERE r.id IN (SELECT w.id FROM peer_exchange_registration w
                          WHERE w.exchange_id = $1 AND w.status = 'WAITLISTED'
                          ORDER BY w.arrival LIMIT (SELECT greatest(e.capacity - e.registered_count, 0) FROM peer_exchange e WHERE e.id = $1))
          RETURNING r.id, r.user_id AS "userId", r.arrival`,
        [exchangeId],
      ),
    );
    if (promoted.length > 0) {
      await manager.query(
        `UPDATE peer_exchange SET registered_count = registered_count + $2, waitlisted_count = waitlisted_count - $2 WHERE id = $1`,
        [exchangeId, promoted.length],
      );
    }
    return promoted.map(({ id, userId, arrival }) => ({ id, userId, arrival: Number(arrival) })).sort((a, b) => a.arrival - b.arrival);
  }

  /** Those who hold or wait for a seat (the recipients of news of a change). */
  async activeRegistrants(manager: EntityManager, exchangeId: string): Promise<string[]> {
    const rows: { userId: string }[] = await manager.query(
      `SELECT user_id AS "userId" FROM peer_exchange_registration WHERE exchange_id = $1 AND status IN ('REGISTERED', 'WAITLISTED') ORDER BY arrival`,
      [exchangeId],
    );
    return rows.map((row) => row.userId);
  }

  /** Registrations of one exchange: all of them, one person's, or none (`of: null`); order and paging are the caller's. */
  registrations(exchangeId: string, filter: { of: 'all' | string | null; statuses: string[] | null }): SqlList<RegistrationRow> {
    const where = new SqlWhere().and('r.exchange_id = :exchangeId', { exchangeId });
    if (filter.of === null) where.and('false');
    else if (filter.of !== 'all') where.and('r.user_id = :userId', { userId: filter.of });
    if (filter.statuses?.length) where.and('r.status = ANY(CAST(:statuses AS text[]))', { statuses: filter.statuses });
    return new SqlList<RegistrationRow>(REGISTRATION_COLUMNS, `FROM peer_exchange_registration r WHERE ${where}`, where.params, this.db);
  }

  /** Registrations by `(exchangeId, userId)` pairs, in one statement. */
  registrationsByPairs(pairs: readonly { exchangeId: string; userId: string }[]): Promise<RegistrationRow[]> {
    return this.db.query(
      `SELECT ${REGISTRATION_COLUMNS} FROM peer_exchange_registration r
         JOIN unnest($1::uuid[], $2::uuid[]) AS k(exchange_id, user_id) ON k.exchange_id = r.exchange_id AND k.user_id = r.user_id`,
      [pairs.map((p) => p.exchangeId), pairs.map((p) => p.userId)],
    );
  }

  registrationsByIds(ids: readonly string[]): Promise<RegistrationRow[]> {
    return this.db.query(`SELECT ${REGISTRATION_COLUMNS} FROM peer_exchange_registration r WHERE r.id = ANY($1::uuid[])`, [ids]);
  }
}
