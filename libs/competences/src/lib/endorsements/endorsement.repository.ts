import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlList, updatedRows } from '@bottega/core';

/** One competence: whose, in which skill. */
export interface CompetenceKey {
  userId: string;
  skillId: string;
}

export interface EndorsementRow {
  endorserId: string;
  createdAt: Date;
}

/** The only code that reads and writes endorsements. */
@Injectable()
export class EndorsementRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Endorses the competence if it still exists, once per endorser (the
   * primary key settles simultaneous ones); false when it already was, or is gone.
   */
  async insert(manager: EntityManager, competence: CompetenceKey, endorserId: string): Promise<boolean> {
    const rows: { endorser_id: string }[] = await manager.query(
      `INSERT INTO endorsement (user_id, skill_id, endorser_id)
       SELECT c.user_id, c.skill_id, $3 FROM competence c WHERE c.user_id = $1 AND c.skill_id = $2
       ON CONFLICT (user_id, skill_id, endorser_id) DO NOTHING RETURNING endorser_id`,
      [competence.userId, competence.skillId, endorserId],
    );
    return rows.length === 1;
  }

  /** Withdraws the endorsement; false when there was none. */
  async delete(manager: EntityManager, competence: CompetenceKey, endorserId: string): Promise<boolean> {
    const rows = updatedRows<{ endorser_id: string }>(
      await manager.query(`DELETE FROM endorsement WHERE user_id = $1 AND skill_id = $2 AND endorser_id = $3 RETURNING endorser_id`, [
        competence.userId,
        competence.skillId,
        endorserId,
      ]),
    );
    return rows.length === 1;
  }

  /** How many endorse each competence, counted from the rows themselves, so always exact. */
  counts(keys: readonly CompetenceKey[]): Promise<(CompetenceKey & { count: number })[]> {
    return this.db.query(
      `SELECT e.user_id AS "userId", e.skill_id AS "skillId", count(*)::int AS count
         FROM endorsement e JOIN unnest($1::uuid[], $2::uuid[]) AS k(user_id, skill_id) ON k.user_id = e.user_id AND k.skill_id = e.skill_id
        GROUP BY e.user_id, e.skill_id`,
      [keys.map((k) => k.userId), keys.map((k) => k.skillId)],
    );
  }

  /** Which of these competences `endorserId` endorses. */
  endorsedBy(endorserId: string, keys: readonly CompetenceKey[]): Promise<CompetenceKey[]> {
    return this.db.query(
      `SELECT e.user_id AS "userId", e.skill_id AS "skillId"
         FROM endorsement e JOIN unnest($2::uuid[], $3::uuid[]) AS k(user_id, skill_id) ON k.user_id = e.user_id AND k.skill_id = e.skill_id
        WHERE e.endorser_id = $1`,
      [endorserId, keys.map((k) => k.userId), keys.map((k) => k.skillId)],
    );
  }

  /** The endorsements of one competence; order and paging are the caller's. */
  of(competence: CompetenceKey): SqlList<EndorsementRow> {
    return new SqlList<EndorsementRow>(
      `e.endorser_id AS "endorserId", e.created_at AS "createdAt"`,
      `FROM endorsement e WHERE e.user_id = :userId AND e.skill_id = :skillId`,
      { userId: competence.userId, skillId: competence.skillId }, this.db);
  }
}
