import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principals } from '@bottega/core';
import { EXCHANGE_AUDIENCE, exchangeColumns } from './exchange.audience';
import { ExchangeProfileRole } from './exchange-profile.enums';

/** A page position: the start and id of the last exchange seen. */
export interface ProfileCursor {
  startsAt: string;
  id: string;
}

export interface ProfileExchangeRow {
  userId: string;
  exchangeId: string | null;
  startsAt: Date | null;
  total: number;
}

/** The part a person played, in SQL, `u.id` being the person. */
const ROLE_SQL: Record<ExchangeProfileRole, string> = {
  [ExchangeProfileRole.HOSTED]: `EXISTS (SELECT 1 FROM peer_exchange_host h WHERE h.exchange_id = e.id AND h.user_id = u.id)`,
  [ExchangeProfileRole.ATTENDED]: `(EXISTS (SELECT 1 FROM peer_exchange_registration r WHERE r.exchange_id = e.id AND r.user_id = u.id
        AND (r.status = 'ATTENDED' OR (r.status = 'REGISTERED' AND e.ends_at > now())))
     OR EXISTS (SELECT 1 FROM peer_review_invitation i WHERE i.exchange_id = e.id AND i.user_id = u.id AND i.status = 'ACCEPTED'))`,
  [ExchangeProfileRole.ANY]: '',
};
ROLE_SQL[ExchangeProfileRole.ANY] = `(${ROLE_SQL[ExchangeProfileRole.HOSTED]} OR ${ROLE_SQL[ExchangeProfileRole.ATTENDED]})`;

/** The exchanges on people's profiles: one statement for a page of profiles. */
@Injectable()
export class ExchangeProfileRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * For each person, the first `limit` exchanges (latest start first) after
   * the cursor that they hosted or attended and the reader reads, with how
   * many there are in all; a person with none has one row with no exchange.
   */
  async pages(userIds: string[], reader: Principals, role: ExchangeProfileRole, limit: number, after: ProfileCursor | null): Promise<ProfileExchangeRow[]> {
    const readable = EXCHANGE_AUDIENCE.where(exchangeColumns('e', 'ec'), reader);
    const matches = `${readable.sql} AND e.status <> 'CANCELLED' AND ${ROLE_SQL[role]}`;
    const keyset = after ? `AND (e.starts_at, e.id) < (CAST(:afterStartsAt AS timestamptz), CAST(:afterId AS uuid))` : '';
    const sql = `SELECT u.id AS "userId", x.id AS "exchangeId", x.starts_at AS "startsAt",
        (SELECT count(*)::int FROM peer_exchange e JOIN community ec ON ec.id = e.host_community_id WHERE ${matches}) AS total
      FROM unnest(CAST(:userIds AS uuid[])) AS u(id)
      LEFT JOIN LATERAL (
        SELECT e.id, e.starts_at FROM peer_exchange e JOIN community ec ON ec.id = e.host_community_id
         WHERE ${matches} ${keyset}
         ORDER BY e.starts_at DESC, e.id DESC LIMIT ${Math.trunc(limit)}
      ) x ON true
      ORDER BY u.id, x.starts_at DESC, x.id DESC`;
    const params = { ...readable.params, userIds, afterStartsAt: after?.startsAt ?? null, afterId: after?.id ?? null };
    return this.db.query(...this.db.driver.escapeQueryWithParameters(sql, params));
  }
}
