import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Language } from './skill.enums';
import { labelWordsSql } from './skill-text';

export interface SkillAreaRow {
  id: string;
  key: string;
  labelIt: string;
  labelEn: string;
  position: number;
}

export interface SkillRow {
  id: string;
  areaId: string;
  key: string;
  labelIt: string;
  labelEn: string;
  /** The skill this one was merged into: it is then an alias, and its id stands for that skill. */
  mergedInto: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a merge changed, for its audit entry. */
export interface MergeCounts {
  /** Competences that moved to the other skill. */
  moved: number;
  /** People who had both skills: one competence kept, at the higher level. */
  combined: number;
}

/** Levels from lowest to highest, for SQL that keeps the higher of two. */
const LEVEL_RANK = `ARRAY['AWARE', 'PRACTITIONER', 'EXPERIENCED', 'EXPERT']`;

const AREA_COLUMNS = `a.id, a.key, a.label_it AS "labelIt", a.label_en AS "labelEn", a.position`;
const SKILL_COLUMNS = `s.id, s.area_id AS "areaId", s.key, s.label_it AS "labelIt", s.label_en AS "labelEn",
  s.merged_into AS "mergedInto", s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

const labelColumn = (lang: Language) => (lang === Language.EN ? 's.label_en' : 's.label_it');

/** The only code that reads and writes the skills taxonomy. */
@Injectable()
export class SkillRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  areas(): Promise<SkillAreaRow[]> {
    return this.db.query(`SELECT ${AREA_COLUMNS} FROM skill_area a ORDER BY a.position, a.key`);
  }

  areasByIds(ids: readonly string[]): Promise<SkillAreaRow[]> {
    return this.db.query(`SELECT ${AREA_COLUMNS} FROM skill_area a WHERE a.id = ANY($1::uuid[])`, [ids]);
  }

  async areaByKey(key: string): Promise<SkillAreaRow | null> {
    const [row]: SkillAreaRow[] = await this.db.query(`SELECT ${AREA_COLUMNS} FROM skill_area a WHERE a.key = $1`, [key]);
    return row ?? null;
  }

  /** Skills by id, aliases included (as they are: the caller follows `mergedInto`). */
  findByIds(ids: readonly string[], runner: DataSource | EntityManager = this.db): Promise<SkillRow[]> {
    return runner.query(`SELECT ${SKILL_COLUMNS} FROM skill s WHERE s.id = ANY($1::uuid[])`, [ids]);
  }

  /** The live skills of some areas, by label in `lang`. */
  byAreas(areaIds: readonly string[], lang: Language): Promise<SkillRow[]> {
    return this.db.query(
      `SELECT ${SKILL_COLUMNS} FROM skill s WHERE s.area_id = ANY($1::uuid[]) AND s.merged_into IS NULL
        ORDER BY lower(unaccent(${labelColumn(lang)})), s.key`,
      [areaIds],
    );
  }

  /** Live skills, of one area (by key) when given, whose label in `lang` has a word starting with `prefix` when given. */
  search(filter: { areaKey: string | null; prefix: string | null; lang: Language }): Promise<SkillRow[]> {
    const label = labelColumn(filter.lang);
    return this.db.query(
      `SELECT ${SKILL_COLUMNS} FROM skill s JOIN skill_area a ON a.id = s.area_id
        WHERE s.merged_into IS NULL
          AND ($1::text IS NULL OR a.key = $1)
          AND ($2::text IS NULL OR ${labelWordsSql(label)} LIKE '% ' || $2 || '%')
        ORDER BY a.position, lower(unaccent(${label})), s.key`,
      [filter.areaKey, filter.prefix],
    );
  }

  /** Inserts a skill; null when its key is taken (by a live skill or an alias). */
  async insert(manager: EntityManager, skill: { areaId: string; key: string; labelIt: string; labelEn: string }): Promise<string | null> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO skill (area_id, key, label_it, label_en) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING RETURNING id`,
      [skill.areaId, skill.key, skill.labelIt, skill.labelEn],
    );
    return row?.id ?? null;
  }

  /** Relabels a live skill; false when it was merged meanwhile. */
  async rename(manager: EntityManager, id: string, labels: { labelIt: string | null; labelEn: string | null }): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE skill SET label_it = coalesce($2, label_it), label_en = coalesce($3, label_en), updated_at = now()
        WHERE id = $1 AND merged_into IS NULL RETURNING id`,
      [id, labels.labelIt, labels.labelEn],
    );
    return rows.length === 1;
  }

  /**
   * Locks skills for a merge, in id order (two merges of the same pair wait
   * for each other instead of deadlocking); the ids of those still live.
   */
  /** The people with a competence in this skill. */
  async holders(manager: EntityManager, skillId: string): Promise<string[]> {
    const rows: { userId: string }[] = await manager.query(`SELECT user_id AS "userId" FROM competence WHERE skill_id = $1`, [skillId]);
    return rows.map((row) => row.userId);
  }

  async lockLive(manager: EntityManager, ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM skill WHERE id = ANY($1::uuid[]) AND merged_into IS NULL ORDER BY id FOR UPDATE`,
      [ids],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Moves everything that points at `fromId` to `intoId` (both locked by
   * {@link lockLive}): someone with both keeps one competence at the higher
   * level, with the endorsements of both, one per endorser; everyone else's
   * competence moves with its endorsements. `fromId`, and the aliases it had,
   * become aliases of `intoId`.
   */
  async merge(manager: EntityManager, fromId: string, intoId: string): Promise<MergeCounts> {
    const [combined]: [unknown[], number] = await manager.query(
      `UPDATE competence i
          SET level = CASE WHEN array_position(${LEVEL_RANK}, f.level) > array_position(${LEVEL_RANK}, i.level) THEN f.level ELSE i.level END,
              evidence = CASE WHEN i.evidence = '' THEN f.evidence ELSE i.evidence END
         FROM competence f
        WHERE f.skill_id = $1 AND i.skill_id = $2 AND i.user_id = f.user_id
        RETURNING i.user_id`,
      [fromId, intoId],
    );
    await manager.query(
      `INSERT INTO endorsement (user_id, skill_id, endorser_id, created_at)
       SELECT e.user_id, $2, e.endorser_id, e.created_at
         FROM endorsement e JOIN competence i ON i.user_id = e.user_id AND i.skill_id = $2
        WHERE e.skill_id = $1
       ON CONFLICT (user_id, skill_id, endorser_id) DO NOTHING`,
      [fromId, intoId],
    );
    // And the evidence of both, the merged competence's after the other's.
    await manager.query(
      `INSERT INTO competence_evidence (user_id, skill_id, subject_type, subject_id, position)
       SELECT e.user_id, $2, e.subject_type, e.subject_id,
              e.position + (SELECT coalesce(max(x.position) + 1, 0) FROM competence_evidence x WHERE x.user_id = e.user_id AND x.skill_id = $2)
         FROM competence_evidence e JOIN competence i ON i.user_id = e.user_id AND i.skill_id = $2
        WHERE e.skill_id = $1
       ON CONFLICT (user_id, skill_id, subject_type, subject_id) DO NOTHING`,
      [fromId, intoId],
    );
    // Their competence in `from` goes, and its endorsements and evidence (now copied) with it.
    await manager.query(
      `DELETE FROM competence f USING competence i WHERE f.skill_id = $1 AND i.skill_id = $2 AND i.user_id = f.user_id`,
      [fromId, intoId],
    );
    // Endorsements follow their competence (ON UPDATE CASCADE).
    const [moved]: [unknown[], number] = await manager.query(`UPDATE competence SET skill_id = $2 WHERE skill_id = $1 RETURNING user_id`, [
      fromId,
      intoId,
    ]);
    await manager.query(`UPDATE skill SET merged_into = $2, updated_at = now() WHERE id = $1 OR merged_into = $1`, [fromId, intoId]);
    return { moved: moved.length, combined: combined.length };
  }
}
