import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlList, SqlWhere } from '@bottega/core';
import { openQuestionSql } from '@bottega/forum';
import { Availability, CompetenceLevel } from '../profiles/profile.enums';

/** A question routed to someone, as their list shows it. */
export interface QuestionRouteRow {
  threadId: string;
  skillIds: string[];
  threadCreatedAt: Date;
  routedAt: Date;
  notified: boolean;
}

/** Someone who could answer, with the skills of the question they have. */
export interface Expert {
  userId: string;
  skillIds: string[];
}

/** The day quotas are counted in. */
const TODAY = `(now() AT TIME ZONE 'Europe/Rome')::date`;
const ANSWERING_LEVELS = `ARRAY['${CompetenceLevel.EXPERIENCED}', '${CompetenceLevel.EXPERT}']`;

/** The only code that reads and writes routed questions and the daily quotas of their notices. */
@Injectable()
export class QuestionRouteRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The live skills these tags stand for (a merged skill's tags stand for the skill it went into). */
  async skillsForTags(manager: EntityManager, slugs: string[]): Promise<string[]> {
    if (slugs.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT DISTINCT coalesce(s.merged_into, s.id) AS id FROM skill_tag st JOIN skill s ON s.id = st.skill_id
        WHERE st.tag_slug = ANY($1::text[]) ORDER BY 1`,
      [slugs],
    );
    return rows.map((row) => row.id);
  }

  /** Of these threads, the questions still without an accepted answer, as the forum says. */
  async unansweredQuestions(manager: EntityManager, threadIds: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `SELECT t.id FROM unnest($1::uuid[]) t(id) WHERE ${openQuestionSql('t.id')}`,
      [threadIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Available people (but `exceptId`) with a competence in these skills at EXPERIENCED or above, their profile not hidden by moderation. */
  async expertsIn(manager: EntityManager, skillIds: string[], exceptId: string | null): Promise<Expert[]> {
    return manager.query(
      `SELECT c.user_id AS "userId", array_agg(c.skill_id ORDER BY c.skill_id) AS "skillIds"
         FROM competence c JOIN competence_profile p ON p.user_id = c.user_id
        WHERE c.skill_id = ANY($1::uuid[]) AND c.level = ANY(${ANSWERING_LEVELS})
          AND p.availability <> '${Availability.NOT_AVAILABLE}' AND p.hidden_at IS NULL AND c.user_id IS DISTINCT FROM $2::uuid
        GROUP BY c.user_id ORDER BY c.user_id`,
      [skillIds, exceptId],
    );
  }

  /** Routes the question to these people; returns those it was not routed to before (a replay routes nobody twice). */
  async route(manager: EntityManager, threadId: string, threadCreatedAt: Date, experts: Expert[]): Promise<string[]> {
    if (experts.length === 0) return [];
    const rows: { userId: string }[] = await manager.query(
      `INSERT INTO question_route (user_id, thread_id, skill_ids, thread_created_at, notified)
       SELECT e.user_id, $1, ARRAY(SELECT jsonb_array_elements_text(e.skill_ids)::uuid), $2, false
         FROM jsonb_to_recordset($3::jsonb) AS e(user_id uuid, skill_ids jsonb)
       ON CONFLICT (user_id, thread_id) DO NOTHING
       RETURNING user_id AS "userId"`,
      [threadId, threadCreatedAt, JSON.stringify(experts.map((e) => ({ user_id: e.userId, skill_ids: e.skillIds })))],
    );
    return rows.map((row) => row.userId);
  }

  /**
   * Takes one of today's notices from each person's quota, for those with one
   * left; returns them. One conditional upsert per person-day row: its row
   * lock orders simultaneous takers, so nobody gets more than `cap`.
   */
  async takeQuota(manager: EntityManager, userIds: string[], cap: number): Promise<string[]> {
    if (userIds.length === 0 || cap <= 0) return [];
    const rows: { userId: string }[] = await manager.query(
      `INSERT INTO question_routing_quota AS q (user_id, day, sent)
       SELECT u, ${TODAY}, 1 FROM unnest($1::uuid[]) AS u
       ON CONFLICT (user_id, day) DO UPDATE SET sent = q.sent + 1 WHERE q.sent < $2
       RETURNING user_id AS "userId"`,
      [userIds, cap],
    );
    return rows.map((row) => row.userId);
  }

  async markNotified(manager: EntityManager, threadId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await manager.query(`UPDATE question_route SET notified = true WHERE thread_id = $1 AND user_id = ANY($2::uuid[])`, [threadId, userIds]);
  }

  /** Quotas of days gone by are of no use. */
  async pruneQuotas(manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM question_routing_quota WHERE day < ${TODAY} - 1`);
  }

  /**
   * The questions routed to someone that are still unanswered and that they
   * could still answer (available, with one of its skills at EXPERIENCED or
   * above); whether they may still read each is the caller's to ask.
   */
  routedTo(userId: string): SqlList<QuestionRouteRow> {
    const where = new SqlWhere()
      .and('r.user_id = :userId', { userId })
      .and(openQuestionSql('r.thread_id'))
      .and(
        `EXISTS (SELECT 1 FROM competence c JOIN competence_profile p ON p.user_id = c.user_id
                  WHERE c.user_id = r.user_id AND p.availability <> '${Availability.NOT_AVAILABLE}' AND p.hidden_at IS NULL
                    AND c.level = ANY(${ANSWERING_LEVELS})
                    AND c.skill_id IN (SELECT coalesce(s.merged_into, s.id) FROM skill s WHERE s.id = ANY(r.skill_ids)))`,
      );
    return new SqlList<QuestionRouteRow>(
      `r.thread_id AS "threadId", r.skill_ids AS "skillIds", r.thread_created_at AS "threadCreatedAt", r.routed_at AS "routedAt", r.notified`,
      `FROM question_route r WHERE ${where}`,
      where.params,
      this.db,
    );
  }
}
