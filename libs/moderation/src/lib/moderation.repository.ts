import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { ContentItem, Principals } from '@bottega/core';
import { ModerationCaseEntity, type ContentFlagEntity } from './moderation.entity';
import type { FlagReason, ModerationAction, ModerationCaseStatus } from './moderation.enums';

/** An item of a registered kind, by type and database id. */
export interface ContentRef {
  type: string;
  id: string;
}

export interface FlagTally {
  caseId: string;
  reason: FlagReason;
  count: number;
  pending: number;
  pendingWeight: number;
}

/** What the flags pending on an item add up to. */
export interface PendingFlags {
  pendingFlags: number;
  pendingWeight: number;
  /** Distinct reasons of the pending flags, most frequent first. */
  reasons: FlagReason[];
}

/** Items as two parallel arrays, for `unnest`. */
const refColumns = (items: readonly ContentRef[]): [string[], string[]] => [items.map((item) => item.type), items.map((item) => item.id)];

/** Flags shown with each case in the queue; `flagCount` counts them all. */
export const LATEST_FLAGS = 10;
/** `content_flag` columns as {@link ContentFlagEntity} properties, for raw statements. */
const FLAG_COLUMNS = `content_flag.id, content_flag.case_id AS "caseId", content_flag.flagger_id AS "flaggerId", content_flag.reason,
  content_flag.note, content_flag.weight, content_flag.created_at AS "createdAt", content_flag.resolved_at AS "resolvedAt"`;

/** The only code that reads and writes moderation cases and flags. */
@Injectable()
export class ModerationRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(ModerationCaseEntity) private readonly cases: Repository<ModerationCaseEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findCasesByIds(ids: readonly string[]): Promise<ModerationCaseEntity[]> {
    return this.cases.findBy({ id: In([...ids]) });
  }

  /**
   * Opens the item's case, or reopens it, and keeps its row locked until the
   * transaction ends: flags and decisions on one item run one at a time. Its
   * community and moderators are taken as they are now.
   */
  async openCase(manager: EntityManager, item: ContentItem): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO moderation_case (subject_type, subject_id, community_id, moderators) VALUES ($1, $2, $3, $4)
       ON CONFLICT (subject_type, subject_id) DO UPDATE
         SET status = 'PENDING', last_flagged_at = now(), resolved_at = NULL, resolved_by = NULL, resolution = NULL,
             community_id = EXCLUDED.community_id, moderators = EXCLUDED.moderators
       RETURNING id`,
      [item.type, item.id, item.communityId, item.moderators],
    );
    if (!row) throw new Error(`No moderation case for ${item.type} ${item.id}`);
    return row.id;
  }

  /** Adds a flag; null when this person already flagged the item (the unique constraint decides). */
  async addFlag(
    manager: EntityManager,
    caseId: string,
    flag: { flaggerId: string; reason: FlagReason; note: string | null; weight: number },
  ): Promise<ContentFlagEntity | null> {
    const [row]: ContentFlagEntity[] = await manager.query(
      `INSERT INTO content_flag (case_id, flagger_id, reason, note, weight) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_id, flagger_id) DO NOTHING RETURNING ${FLAG_COLUMNS}`,
      [caseId, flag.flaggerId, flag.reason, flag.note, flag.weight],
    );
    return row ?? null;
  }

  /** The case's pending flags, read under the lock {@link openCase} took, so every earlier flag counts. */
  async pending(manager: EntityManager, caseId: string): Promise<PendingFlags> {
    const [row]: PendingFlags[] = await manager.query(
      `SELECT count(*)::int AS "pendingFlags", coalesce(sum(weight), 0)::int AS "pendingWeight",
              coalesce((SELECT array_agg(reason ORDER BY n DESC, reason) FROM (
                 SELECT reason, count(*) AS n FROM content_flag WHERE case_id = $1 AND resolved_at IS NULL GROUP BY reason) r), '{}') AS reasons
         FROM content_flag WHERE case_id = $1 AND resolved_at IS NULL`,
      [caseId],
    );
    return row ?? { pendingFlags: 0, pendingWeight: 0, reasons: [] };
  }

  /**
   * Records a decision on the item's case (if it was ever flagged) and
   * resolves its pending flags; returns how many. Locks the case row first,
   * in the same order as flagging, so the two never deadlock.
   */
  async resolveCase(manager: EntityManager, item: ContentRef, deciderId: string, action: ModerationAction): Promise<number> {
    const [cases]: [{ id: string }[], number] = await manager.query(
      `UPDATE moderation_case SET status = 'RESOLVED', resolved_at = now(), resolved_by = $3, resolution = $4
        WHERE subject_type = $1 AND subject_id = $2 RETURNING id`,
      [item.type, item.id, deciderId, action],
    );
    const caseId = cases[0]?.id;
    if (!caseId) return 0;
    const [, resolved]: [unknown[], number] = await manager.query(
      `UPDATE content_flag SET resolved_at = now() WHERE case_id = $1 AND resolved_at IS NULL`,
      [caseId],
    );
    return resolved;
  }

  /** Locks the cases of these items, in id order. */
  async lockCases(manager: EntityManager, items: readonly ContentRef[]): Promise<void> {
    await manager.query(
      `SELECT id FROM moderation_case
        WHERE (subject_type, subject_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[])) ORDER BY id FOR UPDATE`,
      refColumns(items),
    );
  }

  /** Gives these items' cases a new community and moderators (the items moved). */
  async rescope(manager: EntityManager, items: readonly ContentRef[], scope: { communityId: string | null; moderators: string[] }): Promise<void> {
    await manager.query(
      `UPDATE moderation_case SET community_id = $3, moderators = $4
        WHERE (subject_type, subject_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`,
      [...refColumns(items), scope.communityId, scope.moderators],
    );
  }

  /** Resolves the pending cases of these items and their flags; returns how many flags. */
  async resolvePending(manager: EntityManager, items: readonly ContentRef[], deciderId: string, action: ModerationAction): Promise<number> {
    const [flags]: [unknown[], number] = await manager.query(
      `WITH resolved AS (
         UPDATE moderation_case SET status = 'RESOLVED', resolved_at = now(), resolved_by = $3, resolution = $4
          WHERE status = 'PENDING' AND (subject_type, subject_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
          RETURNING id)
       UPDATE content_flag SET resolved_at = now() WHERE case_id IN (SELECT id FROM resolved) AND resolved_at IS NULL RETURNING case_id`,
      [...refColumns(items), deciderId, action],
    );
    return flags.length;
  }

  /** Cases the reviewer moderates (everything for staff); order and paging are the caller's. */
  queue(reviewer: Principals, filter: { communityId: string | null; status: ModerationCaseStatus }): SelectQueryBuilder<ModerationCaseEntity> {
    const query = this.cases
      .createQueryBuilder('mcase')
      .where('mcase.status = :status', { status: filter.status })
      .andWhere('mcase.moderators && CAST(:reviewer AS text[])', { reviewer: reviewer.list });
    if (filter.communityId) query.andWhere('mcase.communityId = :communityId', { communityId: filter.communityId });
    return query;
  }

  /** Flag counts per case and reason, all time and still pending. */
  async tallies(caseIds: readonly string[]): Promise<FlagTally[]> {
    return this.db.query(
      `SELECT case_id AS "caseId", reason, count(*)::int AS count, count(*) FILTER (WHERE resolved_at IS NULL)::int AS pending,
              coalesce(sum(weight) FILTER (WHERE resolved_at IS NULL), 0)::int AS "pendingWeight"
         FROM content_flag WHERE case_id = ANY($1) GROUP BY case_id, reason ORDER BY case_id, count(*) DESC, reason`,
      [caseIds],
    );
  }

  /** The latest flags of each case, newest first, in one statement. */
  async latestFlags(caseIds: readonly string[]): Promise<ContentFlagEntity[]> {
    return this.db.query(
      `SELECT ${FLAG_COLUMNS}
         FROM unnest($1::uuid[]) AS c (id)
         CROSS JOIN LATERAL (
           SELECT * FROM content_flag WHERE case_id = c.id ORDER BY created_at DESC, id DESC LIMIT $2
         ) content_flag`,
      [caseIds, LATEST_FLAGS],
    );
  }
}
