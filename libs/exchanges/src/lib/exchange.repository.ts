import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlList, SqlWhere, updatedRows, type Principals } from '@bottega/core';
import type { CommunityVisibility } from '@bottega/forum';
import { territoryWithinSql } from '@bottega/territories';
import { EXCHANGE_AUDIENCE, exchangeColumns } from './exchange.audience';
import type { ExchangeFormat, ExchangeStatus } from './exchange.enums';

/** One item of an exchange's agenda, in order. */
export interface AgendaItemValue {
  startsAt: Date;
  title: string;
  note: string | null;
}

/** An exchange as every page reads it: its columns, its community's visibility and its small lists. */
export interface ExchangeRow {
  id: string;
  title: string;
  descriptionSource: string;
  descriptionHtml: string;
  format: ExchangeFormat;
  status: ExchangeStatus;
  cancelReason: string | null;
  hostTerritoryId: string;
  hostProjectId: string | null;
  communityId: string;
  communityVisibility: CommunityVisibility;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  onlineUrl: string | null;
  capacity: number;
  registrationDeadline: Date;
  threadId: string;
  createdBy: string | null;
  /** Kept by the statements that register, cancel, promote, under the exchange's row lock. */
  registeredCount: number;
  waitlistedCount: number;
  hiddenAt: Date | null;
  openedAt: Date | null;
  completedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** In the order named. */
  hostIds: string[];
  /** The host project's team leads: they manage its exchanges with the community's coordinators. */
  projectLeadIds: string[];
  agenda: AgendaItemValue[];
  practiceIds: string[];
  skillIds: string[];
  /** The target skills' stable keys, for search. */
  skillKeys: string[];
}

/** What a create or an update writes; a field left undefined stays as it is. */
export interface ExchangeFields {
  title?: string;
  description?: { source: string; html: string };
  format?: ExchangeFormat;
  hostTerritoryId?: string;
  hostProjectId?: string | null;
  startsAt?: Date;
  endsAt?: Date;
  venue?: string | null;
  onlineUrl?: string | null;
  capacity?: number;
  registrationDeadline?: Date;
}

export interface ExchangeLinks {
  hostIds?: string[];
  agenda?: AgendaItemValue[];
  practiceIds?: string[];
  skillIds?: string[];
}

export interface ExchangeFilterValues {
  statuses: ExchangeStatus[] | null;
  formats: ExchangeFormat[] | null;
  territoryId: string | null;
  communityId: string | null;
  from: Date | null;
  to: Date | null;
  hostedBy: string | null;
  registeredBy: string | null;
}

/** An exchange under its row lock, with what the database's clock says of it. */
export interface LockedExchange {
  row: ExchangeRow;
  deadlinePassed: boolean;
  ended: boolean;
}

const ROW_COLUMNS = [
  'e.id',
  'e.title',
  'e.description_source AS "descriptionSource"',
  'e.description_html AS "descriptionHtml"',
  'e.format',
  'e.status',
  'e.cancel_reason AS "cancelReason"',
  'e.host_territory_id AS "hostTerritoryId"',
  'e.host_project_id AS "hostProjectId"',
  'e.host_community_id AS "communityId"',
  'ec.visibility AS "communityVisibility"',
  'e.starts_at AS "startsAt"',
  'e.ends_at AS "endsAt"',
  'e.venue',
  'e.online_url AS "onlineUrl"',
  'e.capacity',
  'e.registration_deadline AS "registrationDeadline"',
  'e.thread_id AS "threadId"',
  'e.created_by AS "createdBy"',
  'e.registered_count AS "registeredCount"',
  'e.waitlisted_count AS "waitlistedCount"',
  'e.hidden_at AS "hiddenAt"',
  'e.opened_at AS "openedAt"',
  'e.completed_at AS "completedAt"',
  'e.cancelled_at AS "cancelledAt"',
  'e.created_at AS "createdAt"',
  'e.updated_at AS "updatedAt"',
  'e.version',
  'ARRAY(SELECT h.user_id FROM peer_exchange_host h WHERE h.exchange_id = e.id ORDER BY h.position) AS "hostIds"',
  `ARRAY(SELECT m.user_id FROM project_member m WHERE m.project_id = e.host_project_id AND m.role = 'LEAD' ORDER BY m.user_id) AS "projectLeadIds"`,
  `coalesce((SELECT jsonb_agg(jsonb_build_object('startsAt', a.starts_at, 'title', a.title, 'note', a.note) ORDER BY a.position)
      FROM peer_exchange_agenda_item a WHERE a.exchange_id = e.id), '[]'::jsonb) AS agenda`,
  'ARRAY(SELECT p.practice_id FROM peer_exchange_practice p WHERE p.exchange_id = e.id ORDER BY p.position) AS "practiceIds"',
  'ARRAY(SELECT s.skill_id FROM peer_exchange_skill s WHERE s.exchange_id = e.id ORDER BY s.skill_id) AS "skillIds"',
  'ARRAY(SELECT k.key FROM peer_exchange_skill s JOIN skill k ON k.id = s.skill_id WHERE s.exchange_id = e.id ORDER BY k.key) AS "skillKeys"',
].join(', ');

const FROM = 'FROM peer_exchange e JOIN community ec ON ec.id = e.host_community_id';

/** The only code that reads and writes exchanges, their hosts, agenda and links (registrations: `RegistrationRepository`). */
@Injectable()
export class ExchangeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async findByIds(ids: readonly string[], runner: DataSource | EntityManager = this.db): Promise<ExchangeRow[]> {
    const rows: ExchangeRow[] = await runner.query(`SELECT ${ROW_COLUMNS} ${FROM} WHERE e.id = ANY($1::uuid[])`, [ids]);
    return rows.map(withDates);
  }

  /** Exchanges in the reader's audience, filtered; order and paging are the caller's. */
  query(reader: Principals, filter: ExchangeFilterValues): SqlList<ExchangeRow> {
    const readable = EXCHANGE_AUDIENCE.where(exchangeColumns('e', 'ec'), reader);
    const where = new SqlWhere().and(readable.sql, readable.params);
    if (filter.statuses?.length) where.and('e.status = ANY(CAST(:statuses AS text[]))', { statuses: filter.statuses });
    if (filter.formats?.length) where.and('e.format = ANY(CAST(:formats AS text[]))', { formats: filter.formats });
    if (filter.communityId) where.and('e.host_community_id = :communityId', { communityId: filter.communityId });
    if (filter.territoryId) where.and(territoryWithinSql('e.host_territory_id', 'territoryId'), { territoryId: filter.territoryId });
    // An exchange is in a range when it takes place, even in part, within it.
    if (filter.from) where.and('e.ends_at > :from', { from: filter.from });
    if (filter.to) where.and('e.starts_at < :to', { to: filter.to });
    if (filter.hostedBy) {
      where.and('EXISTS (SELECT 1 FROM peer_exchange_host fh WHERE fh.exchange_id = e.id AND fh.user_id = :hostedBy)', { hostedBy: filter.hostedBy });
    }
    if (filter.registeredBy) {
      where.and(
        `EXISTS (SELECT 1 FROM peer_exchange_registration fr WHERE fr.exchange_id = e.id AND fr.user_id = :registeredBy
                    AND fr.status IN ('REGISTERED', 'WAITLISTED', 'ATTENDED'))`,
        { registeredBy: filter.registeredBy },
      );
    }
    return new SqlList<ExchangeRow>(ROW_COLUMNS, `${FROM} WHERE ${where}`, where.params, this.db);
  }

  async insert(
    manager: EntityManager,
    exchange: Required<Omit<ExchangeFields, 'venue' | 'onlineUrl' | 'hostProjectId' | 'description'>> &
      Pick<ExchangeFields, 'venue' | 'onlineUrl' | 'hostProjectId' | 'description'> & { communityId: string; threadId: string; createdBy: string },
    links: Required<ExchangeLinks>,
  ): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO peer_exchange (title, description_source, description_html, format, host_territory_id, host_project_id, host_community_id,
                                  starts_at, ends_at, venue, online_url, capacity, registration_deadline, thread_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        exchange.title,
        exchange.description?.source ?? '',
        exchange.description?.html ?? '',
        exchange.format,
        exchange.hostTerritoryId,
        exchange.hostProjectId ?? null,
        exchange.communityId,
        exchange.startsAt,
        exchange.endsAt,
        exchange.venue ?? null,
        exchange.onlineUrl ?? null,
        exchange.capacity,
        exchange.registrationDeadline,
        exchange.threadId,
        exchange.createdBy,
      ],
    );
    if (!row) throw new Error('An exchange was not inserted');
    await this.link(manager, row.id, links);
    return row.id;
  }

  /**
   * Locks the exchange's row: every change of its status, capacity and
   * registrations takes this lock first, so they run one at a time and the
   * counts and the waitlist stay exact. Null when there is none.
   */
  async lock(manager: EntityManager, id: string): Promise<LockedExchange | null> {
    const [locked]: { deadlinePassed: boolean; ended: boolean }[] = await manager.query(
      `SELECT now() > registration_deadline AS "deadlinePassed", now() >= ends_at AS ended FROM peer_exchange WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!locked) return null;
    const [row] = await this.findByIds([id], manager);
    return row ? { row, ...locked } : null;
  }

  /**
   * Writes the fields given if the exchange is still at `version` and not
   * over (COMPLETED or CANCELLED); false otherwise. The checks the row keeps
   * (end after start, deadline before start) hold on the result.
   */
  async update(manager: EntityManager, id: string, version: number, fields: ExchangeFields, links: ExchangeLinks): Promise<boolean> {
    const sets: string[] = ['version = version + 1', 'updated_at = now()'];
    const values: unknown[] = [id, version];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (fields.title !== undefined) set('title', fields.title);
    if (fields.description !== undefined) {
      set('description_source', fields.description.source);
      set('description_html', fields.description.html);
    }
    if (fields.startsAt !== undefined) set('starts_at', fields.startsAt);
    if (fields.endsAt !== undefined) set('ends_at', fields.endsAt);
    if (fields.venue !== undefined) set('venue', fields.venue);
    if (fields.onlineUrl !== undefined) set('online_url', fields.onlineUrl);
    if (fields.registrationDeadline !== undefined) set('registration_deadline', fields.registrationDeadline);
    const rows = updatedRows(
      await manager.query(
        `UPDATE peer_exchange SET ${sets.join(', ')} WHERE id = $1 AND version = $2 AND status NOT IN ('COMPLETED', 'CANCELLED') RETURNING id`,
        values,
      ),
    );
    if (rows.length !== 1) return false;
    await this.link(manager, id, links);
    return true;
  }

  /** Moves the exchange from one of `from` to `to` in one conditional UPDATE; false when it was in none of them. */
  async transition(manager: EntityManager, id: string, from: ExchangeStatus[], to: ExchangeStatus, cancelReason: string | null = null): Promise<boolean> {
    const stamp = { OPEN: 'opened_at', CLOSED: 'closed_at', COMPLETED: 'completed_at', CANCELLED: 'cancelled_at' }[to as string];
    const rows = updatedRows(
      await manager.query(
        `UPDATE peer_exchange SET status = $3, cancel_reason = $4, version = version + 1, updated_at = now()${stamp ? `, ${stamp} = now()` : ''}
          WHERE id = $1 AND status = ANY($2::text[]) RETURNING id`,
        [id, from, to, cancelReason],
      ),
    );
    return rows.length === 1;
  }

  /** Sets the capacity (the caller holds the row lock). */
  async setCapacity(manager: EntityManager, id: string, capacity: number): Promise<void> {
    await manager.query(`UPDATE peer_exchange SET capacity = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, capacity]);
  }

  /** Hides or shows an exchange again; false when it already was so. */
  async setHidden(manager: EntityManager, id: string, hidden: boolean): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(`UPDATE peer_exchange SET hidden_at = CASE WHEN $2 THEN now() END WHERE id = $1 AND (hidden_at IS NULL) = $2 RETURNING id`, [
        id,
        hidden,
      ]),
    );
    return rows.length === 1;
  }

  /** Whether the account created an exchange that left DRAFT and is not hidden. */
  async hasVisibleBy(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM peer_exchange WHERE created_by = $1 AND status <> 'DRAFT' AND hidden_at IS NULL LIMIT 1`,
      [userId],
    );
    return rows.length > 0;
  }

  /** Hosts, agenda, practices and skills given become exactly those. */
  private async link(manager: EntityManager, id: string, links: ExchangeLinks): Promise<void> {
    if (links.hostIds) {
      await manager.query(`DELETE FROM peer_exchange_host WHERE exchange_id = $1`, [id]);
      await manager.query(
        `INSERT INTO peer_exchange_host (exchange_id, user_id, position) SELECT $1, u.id, u.n FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, n)`,
        [id, links.hostIds],
      );
    }
    if (links.agenda) {
      await manager.query(`DELETE FROM peer_exchange_agenda_item WHERE exchange_id = $1`, [id]);
      await manager.query(
        `INSERT INTO peer_exchange_agenda_item (exchange_id, position, starts_at, title, note)
         SELECT $1, a.n, a.starts_at, a.title, a.note FROM unnest($2::timestamptz[], $3::text[], $4::text[]) WITH ORDINALITY AS a(starts_at, title, note, n)`,
        [id, links.agenda.map((a) => a.startsAt), links.agenda.map((a) => a.title), links.agenda.map((a) => a.note)],
      );
    }
    if (links.practiceIds) {
      await manager.query(`DELETE FROM peer_exchange_practice WHERE exchange_id = $1`, [id]);
      await manager.query(
        `INSERT INTO peer_exchange_practice (exchange_id, practice_id, position) SELECT $1, p.id, p.n FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, n)`,
        [id, links.practiceIds],
      );
    }
    if (links.skillIds) {
      await manager.query(`DELETE FROM peer_exchange_skill WHERE exchange_id = $1`, [id]);
      await manager.query(`INSERT INTO peer_exchange_skill (exchange_id, skill_id) SELECT $1, unnest($2::uuid[])`, [id, links.skillIds]);
    }
  }
}

/** Agenda times come as text from JSON. */
function withDates(row: ExchangeRow): ExchangeRow {
  return { ...row, agenda: row.agenda.map((item) => ({ ...item, startsAt: new Date(item.startsAt) })) };
}

