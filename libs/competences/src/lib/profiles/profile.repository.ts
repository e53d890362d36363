import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlList, SqlWhere, type Principals } from '@bottega/core';
import { PROFILE_AUDIENCE, profileColumns } from './profile.audience';
import type { Availability, CompetenceLevel, ProfileVisibility } from './profile.enums';

export interface ProfileRow {
  userId: string;
  visibility: ProfileVisibility;
  availability: Availability;
  createdAt: Date;
  updatedAt: Date;
}

export interface CompetenceRow {
  userId: string;
  skillId: string;
  level: CompetenceLevel;
  evidence: string;
  position: number;
}

/** A competence as `setCompetences` writes it, its skill already resolved to a live one. */
export interface CompetenceValues {
  skillId: string;
  level: CompetenceLevel;
  evidence: string;
}

const PROFILE_COLUMNS = `p.user_id AS "userId", p.visibility, p.availability, p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;
const COMPETENCE_COLUMNS = `c.user_id AS "userId", c.skill_id AS "skillId", c.level, c.evidence, c.position`;

/** The only code that reads and writes competence profiles and competences. */
@Injectable()
export class ProfileRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findByUserIds(userIds: readonly string[], runner: DataSource | EntityManager = this.db): Promise<ProfileRow[]> {
    return runner.query(`SELECT ${PROFILE_COLUMNS} FROM competence_profile p WHERE p.user_id = ANY($1::uuid[])`, [userIds]);
  }

  competencesOf(userIds: readonly string[]): Promise<CompetenceRow[]> {
    return this.db.query(`SELECT ${COMPETENCE_COLUMNS} FROM competence c WHERE c.user_id = ANY($1::uuid[]) ORDER BY c.user_id, c.position`, [userIds]);
  }

  /** Profiles in the reader's audience, with a competence in `skillId` and at `availability` when given; order and paging are the caller's. */
  query(reader: Principals, filter: { skillId: string | null; availability: Availability | null }): SqlList<ProfileRow> {
    const readable = PROFILE_AUDIENCE.where(profileColumns('p'), reader);
    const where = new SqlWhere().and(readable.sql, readable.params);
    if (filter.availability) where.and('p.availability = :availability', { availability: filter.availability });
    if (filter.skillId) {
      where.and('EXISTS (SELECT 1 FROM competence fc WHERE fc.user_id = p.user_id AND fc.skill_id = :skillId)', { skillId: filter.skillId });
    }
    return new SqlList<ProfileRow>(PROFILE_COLUMNS, `FROM competence_profile p WHERE ${where}`, where.params, this.db);
  }

  /**
   * The owner's profile, created on first write, locked until the transaction
   * ends: one person's concurrent changes to it are made one after the other.
   */
  async lockOrCreate(manager: EntityManager, userId: string, change: { visibility?: ProfileVisibility; availability?: Availability } = {}): Promise<void> {
    await manager.query(
      `INSERT INTO competence_profile AS p (user_id, visibility, availability)
       VALUES ($1, coalesce($2, 'MEMBERS_ONLY'), coalesce($3, 'NOT_AVAILABLE'))
       ON CONFLICT (user_id) DO UPDATE SET visibility = coalesce($2, p.visibility), availability = coalesce($3, p.availability), updated_at = now()`,
      [userId, change.visibility ?? null, change.availability ?? null],
    );
  }

  /**
   * Of these skills, those merged into another since they were resolved (the
   * rows stay share-locked, so a merge cannot move them until the caller commits).
   */
  async mergedAmong(manager: EntityManager, skillIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM skill WHERE id = ANY($1::uuid[]) AND merged_into IS NOT NULL ORDER BY id FOR SHARE`,
      [skillIds],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Makes the owner's competences exactly these, in this order: competences
   * left out go with their endorsements, and those kept keep theirs.
   */
  async replaceCompetences(manager: EntityManager, userId: string, competences: CompetenceValues[]): Promise<void> {
    const skillIds = competences.map((c) => c.skillId);
    await manager.query(`DELETE FROM competence WHERE user_id = $1 AND skill_id <> ALL($2::uuid[])`, [userId, skillIds]);
    if (competences.length === 0) return;
    await manager.query(
      `INSERT INTO competence (user_id, skill_id, level, evidence, position)
       SELECT $1, c.skill_id, c.level, c.evidence, c.n - 1
         FROM unnest($2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY AS c(skill_id, level, evidence, n)
       ON CONFLICT (user_id, skill_id) DO UPDATE SET level = excluded.level, evidence = excluded.evidence, position = excluded.position`,
      [userId, skillIds, competences.map((c) => c.level), competences.map((c) => c.evidence)],
    );
  }
}
