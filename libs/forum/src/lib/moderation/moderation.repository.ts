import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import { isStaff, type Viewer } from '@bottega/core';
import { CommunityRole } from '../communities/community.enums';
import { ModerationCaseEntity, type ContentFlagEntity } from './moderation.entity';
import type { FlagReason, ModerationAction, ModerationCaseStatus } from './moderation.enums';
import type { ContentType } from './moderation.policy';

/** A post or thread by type and database id. */
export interface ContentRef {
  type: ContentType;
  id: string;
}

export interface FlagTally {
  caseId: string;
  reason: FlagReason;
  count: number;
  pending: number;
  pendingWeight: number;
}

/** What the flag that hid an item learns about the flags behind it. */
export interface AutoHide {
  pendingFlags: number;
  pendingWeight: number;
  /** Distinct reasons of the pending flags, most frequent first. */
  reasons: FlagReason[];
}

// Fixed names per type: never built from input.
const TABLE = { Post: 'post', Thread: 'thread' } as const;
const CASE_COLUMN = { Post: 'post_id', Thread: 'thread_id' } as const;
/** Flags shown with each case in the queue; `flagCount` counts them all. */
export const LATEST_FLAGS = 10;
/** `content_flag` columns as {@link ContentFlagEntity} properties, for raw statements. */
const FLAG_COLUMNS = `content_flag.id, content_flag.case_id AS "caseId", content_flag.flagger_id AS "flaggerId", content_flag.reason,
  content_flag.note, content_flag.weight, content_flag.created_at AS "createdAt", content_flag.resolved_at AS "resolvedAt"`;

/** The only code that reads and writes moderation cases and flags, and the hidden state of content. */
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
   * transaction ends: flags and decisions on one item run one at a time.
   */
  async openCase(manager: EntityManager, content: ContentRef, communityId: string): Promise<string> {
    const column = CASE_COLUMN[content.type];
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO moderation_case (${column}, community_id) VALUES ($1, $2)
       ON CONFLICT (${column}) DO UPDATE
         SET status = 'PENDING', last_flagged_at = now(), resolved_at = NULL, resolved_by = NULL, resolution = NULL
       RETURNING id`,
      [content.id, communityId],
    );
    if (!row) throw new Error(`No moderation case for ${content.type} ${content.id}`);
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

  /** Whether the person has a post that is neither deleted nor hidden, anywhere. */
  async hasVisiblePosts(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM post WHERE author_id = $1 AND deleted_at IS NULL AND hidden_at IS NULL LIMIT 1`,
      [userId],
    );
    return rows.length > 0;
  }

  /**
   * Hides the item once the weights of its case's pending flags add up to
   * `threshold`, in one conditional statement. The case row is locked by
   * {@link openCase}, so the sum sees every earlier flag, and exactly one flag
   * (the one that crosses the threshold while the item is shown) hides it:
   * that one gets the tally.
   */
  async hideWhenFlagged(manager: EntityManager, content: ContentRef, caseId: string, threshold: number): Promise<AutoHide | null> {
    const table = TABLE[content.type];
    const notDeleted = content.type === 'Post' ? 'AND item.deleted_at IS NULL' : '';
    const [rows]: [AutoHide[], number] = await manager.query(
      `WITH pending AS (
         SELECT count(*)::int AS n, coalesce(sum(weight), 0)::int AS weight,
                (SELECT array_agg(reason ORDER BY n DESC, reason) FROM (
                   SELECT reason, count(*) AS n FROM content_flag WHERE case_id = $2 AND resolved_at IS NULL GROUP BY reason) r) AS reasons
           FROM content_flag WHERE case_id = $2 AND resolved_at IS NULL)
       UPDATE ${table} item SET hidden_at = now() FROM pending
        WHERE item.id = $1 AND item.hidden_at IS NULL ${notDeleted} AND pending.weight >= $3
       RETURNING pending.n AS "pendingFlags", pending.weight AS "pendingWeight", pending.reasons`,
      [content.id, caseId, threshold],
    );
    return rows[0] ?? null;
  }

  /** Hides or shows the item again; false when it already was so. */
  async setHidden(manager: EntityManager, content: ContentRef, hidden: boolean): Promise<boolean> {
    const [, changed]: [unknown[], number] = await manager.query(
      `UPDATE ${TABLE[content.type]} SET hidden_at = CASE WHEN $2 THEN now() END WHERE id = $1 AND (hidden_at IS NULL) = $2`,
      [content.id, hidden],
    );
    return changed === 1;
  }

  /**
   * Records a decision on the item's case (if it was ever flagged) and
   * resolves its pending flags; returns how many. Locks the case row first,
   * in the same order as flagging, so the two never deadlock.
   */
  async resolveCase(manager: EntityManager, content: ContentRef, deciderId: string, action: ModerationAction): Promise<number> {
    const [cases]: [{ id: string }[], number] = await manager.query(
      `UPDATE moderation_case SET status = 'RESOLVED', resolved_at = now(), resolved_by = $2, resolution = $3
        WHERE ${CASE_COLUMN[content.type]} = $1 RETURNING id`,
      [content.id, deciderId, action],
    );
    const caseId = cases[0]?.id;
    if (!caseId) return 0;
    const [, resolved]: [unknown[], number] = await manager.query(
      `UPDATE content_flag SET resolved_at = now() WHERE case_id = $1 AND resolved_at IS NULL`,
      [caseId],
    );
    return resolved;
  }

  async coordinatesAny(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM community_membership WHERE user_id = $1 AND role = $2 LIMIT 1`,
      [userId, CommunityRole.COORDINATOR],
    );
    return rows.length > 0;
  }

  /** Cases the viewer reviews (all for staff, else those of communities they coordinate); order and paging are the caller's. */
  queue(viewer: Viewer, filter: { communityId: string | null; status: ModerationCaseStatus }): SelectQueryBuilder<ModerationCaseEntity> {
    const query = this.cases.createQueryBuilder('mcase').where('mcase.status = :status', { status: filter.status });
    if (!isStaff(viewer)) {
      query.andWhere(
        `mcase.communityId IN (SELECT qc.community_id FROM community_membership qc WHERE qc.user_id = :reviewerId AND qc.role = :coordinator)`,
        { reviewerId: viewer.userId, coordinator: CommunityRole.COORDINATOR },
      );
    }
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
