import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AttendanceStatus } from './exchange-attendance.enums';

/** A registration as attendance sees it. */
export interface SeatRow {
  id: string;
  userId: string;
  status: string;
}

/**
 * Attendance written on registrations, under the exchange's row lock (the
 * caller holds it). A seat stays counted on the exchange once attendance is
 * recorded: whoever attended or did not show up held it.
 */
@Injectable()
export class ExchangeAttendanceRepository {
  /** The registrations of the exchange with these ids or of these people. */
  seats(manager: EntityManager, exchangeId: string, ids: string[], userIds: string[]): Promise<SeatRow[]> {
    return manager.query(
      `SELECT id, user_id AS "userId", status FROM peer_exchange_registration
        WHERE exchange_id = $1 AND (id = ANY($2::uuid[]) OR user_id = ANY($3::uuid[]))`,
      [exchangeId, ids, userIds],
    );
  }

  /** Marks each registration as given. */
  async mark(manager: EntityManager, marks: { id: string; status: AttendanceStatus }[]): Promise<void> {
    await manager.query(
      `UPDATE peer_exchange_registration r SET status = m.status, attendance_recorded_at = now(), updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS m(id, status) WHERE r.id = m.id AND r.status IS DISTINCT FROM m.status`,
      [marks.map((m) => m.id), marks.map((m) => m.status)],
    );
  }

  /** Removes the feedback of those marked NO_SHOW. */
  async forgetFeedbackOfNoShows(manager: EntityManager, exchangeId: string): Promise<void> {
    await manager.query(
      `DELETE FROM peer_exchange_feedback f USING peer_exchange_registration r
        WHERE f.exchange_id = $1 AND r.exchange_id = f.exchange_id AND r.user_id = f.user_id AND r.status = 'NO_SHOW'`,
      [exchangeId],
    );
  }

  /** Those who attended (the recipients of the outcomes). */
  async attendees(manager: EntityManager, exchangeId: string): Promise<string[]> {
    const rows: { userId: string }[] = await manager.query(
      `SELECT user_id AS "userId" FROM peer_exchange_registration WHERE exchange_id = $1 AND status = 'ATTENDED' ORDER BY arrival`,
      [exchangeId],
    );
    return rows.map((row) => row.userId);
  }
}
