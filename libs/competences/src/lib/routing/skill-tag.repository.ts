import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** The only code that reads and writes which tags each skill stands for. */
@Injectable()
export class SkillTagRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The tags of live skills, those of the skills merged into them included. */
  tagsOf(skillIds: readonly string[]): Promise<{ skillId: string; slug: string }[]> {
    return this.db.query(
      `SELECT DISTINCT coalesce(s.merged_into, s.id) AS "skillId", st.tag_slug AS slug
         FROM skill_tag st JOIN skill s ON s.id = st.skill_id
        WHERE coalesce(s.merged_into, s.id) = ANY($1::uuid[])
        ORDER BY 1, 2`,
      [skillIds],
    );
  }

  /**
   * Makes a live skill's tags exactly these (its aliases' rows go, their tags
   * listed again under it if kept); false when the skill was merged
   * meanwhile. The skill's row stays share-locked until the caller commits.
   */
  async replace(manager: EntityManager, skillId: string, slugs: string[]): Promise<boolean> {
    const live: unknown[] = await manager.query(`SELECT 1 FROM skill WHERE id = $1 AND merged_into IS NULL FOR SHARE`, [skillId]);
    if (live.length === 0) return false;
    await manager.query(
      `DELETE FROM skill_tag st USING skill s
        WHERE s.id = st.skill_id AND (s.id = $1 OR s.merged_into = $1) AND NOT (s.id = $1 AND st.tag_slug = ANY($2::text[]))`,
      [skillId, slugs],
    );
    await manager.query(`INSERT INTO skill_tag (skill_id, tag_slug) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [skillId, slugs]);
    return true;
  }
}
