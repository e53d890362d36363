import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlList, SqlWhere, updatedRows, type Principals } from '@bottega/core';
import type { OrganizationKind } from '@bottega/territories';
import { PROFILE_AUDIENCE, profileColumns } from './profile.audience';
import type { Availability, CompetenceLevel, EvidenceKind, ProfileVisibility } from './profile.enums';

export interface ProfileRow {
  userId: string;
  visibility: ProfileVisibility;
  availability: Availability;
  /** Markdown source, '' when none. */
  bio: string;
  /** The bio rendered and sanitized by the shared renderer, '' when none. */
  bioHtml: string;
  avatarUrl: string | null;
  organizationName: string | null;
  organizationKind: OrganizationKind | null;
  /** ISO 639-1 codes, in the owner's order. */
  languages: string[];
  /** The territories the owner works in, in their order. */
  territoryIds: string[];
  /** When moderation hid it; null while shown (see PROFILE_AUDIENCE). */
  hiddenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A practice or post a competence points to as evidence. */
export interface EvidenceRef {
  type: EvidenceKind;
  id: string;
}

export interface CompetenceRow {
  userId: string;
  skillId: string;
  level: CompetenceLevel;
  /** The owner's note on what shows it (plain text), '' when none. */
  evidence: string;
  /** The owner's practices and posts that show it, in their order; who may read each is decided when shown. */
  evidenceItems: EvidenceRef[];
  position: number;
}

/** A competence as `setCompetences` writes it, its skill already resolved to a live one. */
export interface CompetenceValues {
  skillId: string;
  level: CompetenceLevel;
  evidence: string;
  evidenceItems: EvidenceRef[];
}

/** The public basics `updateProfile` changes: a property left out stays as it is. */
export interface ProfileBasics {
  bio?: { source: string; html: string };
  avatarUrl?: string | null;
  organization?: { name: string; kind: OrganizationKind | null } | null;
  languages?: string[];
}

/** What a profile's search document is made of, read in the caller's transaction. */
export interface ProfileDocumentRow extends ProfileRow {
  displayName: string;
  /** The live skills of its competences, with both labels. */
  skills: { key: string; labelIt: string; labelEn: string }[];
  /** The areas those skills belong to, once each, with both labels. */
  areas: { labelIt: string; labelEn: string }[];
}

const PROFILE_COLUMNS = [
  'p.user_id AS "userId"',
  'p.visibility',
  'p.availability',
  'p.bio',
  'p.bio_html AS "bioHtml"',
  'p.avatar_url AS "avatarUrl"',
  'p.organization_name AS "organizationName"',
  'p.organization_kind AS "organizationKind"',
  'p.languages',
  'ARRAY(SELECT pt.territory_id FROM competence_profile_territory pt WHERE pt.user_id = p.user_id ORDER BY pt.position) AS "territoryIds"',
  'p.hidden_at AS "hiddenAt"',
  'p.created_at AS "createdAt"',
  'p.updated_at AS "updatedAt"',
].join(', ');
const COMPETENCE_COLUMNS = [
  'c.user_id AS "userId"',
  'c.skill_id AS "skillId"',
  'c.level',
  'c.evidence',
  `coalesce((SELECT json_agg(json_build_object('type', e.subject_type, 'id', e.subject_id) ORDER BY e.position)
     FROM competence_evidence e WHERE e.user_id = c.user_id AND e.skill_id = c.skill_id), '[]') AS "evidenceItems"`,
  'c.position',
].join(', ');

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
   * left out go with their endorsements and evidence, and those kept keep
   * their endorsements; each competence's evidence becomes the one given.
   */
  async replaceCompetences(manager: EntityManager, userId: string, competences: CompetenceValues[]): Promise<void> {
    const skillIds = competences.map((c) => c.skillId);
    await manager.query(`DELETE FROM competence WHERE user_id = $1 AND skill_id <> ALL($2::uuid[])`, [userId, skillIds]);
    await manager.query(`DELETE FROM competence_evidence WHERE user_id = $1`, [userId]);
    if (competences.length === 0) return;
    await manager.query(
      `INSERT INTO competence (user_id, skill_id, level, evidence, position)
       SELECT $1, c.skill_id, c.level, c.evidence, c.n - 1
         FROM unnest($2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY AS c(skill_id, level, evidence, n)
       ON CONFLICT (user_id, skill_id) DO UPDATE SET level = excluded.level, evidence = excluded.evidence, position = excluded.position`,
      [userId, skillIds, competences.map((c) => c.level), competences.map((c) => c.evidence)],
    );
    const evidence = competences.flatMap((c) => c.evidenceItems.map((item, position) => ({ skillId: c.skillId, ...item, position })));
    if (evidence.length === 0) return;
    await manager.query(
      `INSERT INTO competence_evidence (user_id, skill_id, subject_type, subject_id, position)
       SELECT $1, e.skill_id, e.subject_type, e.subject_id, e.position
         FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::int[]) AS e(skill_id, subject_type, subject_id, position)`,
      [userId, evidence.map((e) => e.skillId), evidence.map((e) => e.type), evidence.map((e) => e.id), evidence.map((e) => e.position)],
    );
  }

  /** Changes the public basics given (the profile exists and is locked: see {@link lockOrCreate}). */
  async updateBasics(manager: EntityManager, userId: string, basics: ProfileBasics): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [userId];
    const set = (column: string, value: unknown, cast = '') => {
      params.push(value);
      sets.push(`${column} = $${params.length}${cast}`);
    };
    if (basics.bio) {
      set('bio', basics.bio.source);
      set('bio_html', basics.bio.html);
    }
    if (basics.avatarUrl !== undefined) set('avatar_url', basics.avatarUrl);
    if (basics.organization !== undefined) {
      set('organization_name', basics.organization?.name ?? null);
      set('organization_kind', basics.organization?.kind ?? null);
    }
    if (basics.languages) set('languages', basics.languages, '::text[]');
    await manager.query(`UPDATE competence_profile SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE user_id = $1`, params);
  }

  /** Makes the owner's territories exactly these, in this order. */
  async replaceTerritories(manager: EntityManager, userId: string, territoryIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM competence_profile_territory WHERE user_id = $1`, [userId]);
    if (territoryIds.length === 0) return;
    await manager.query(
      `INSERT INTO competence_profile_territory (user_id, territory_id, position)
       SELECT $1, t.id, t.n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [userId, territoryIds],
    );
  }

  /** Hides the profile by moderation, or shows it again; false when it already was so (or there is none). */
  async setHidden(manager: EntityManager, userId: string, hidden: boolean): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE competence_profile SET hidden_at = CASE WHEN $2 THEN now() END WHERE user_id = $1 AND (hidden_at IS NULL) = $2 RETURNING user_id`,
        [userId, hidden],
      ),
    );
    return rows.length === 1;
  }

  /** The profile with its owner's display name and its competences' skills, as `manager` sees them; null when there is none. */
  async forDocument(manager: EntityManager, userId: string): Promise<ProfileDocumentRow | null> {
    const [row]: ProfileDocumentRow[] = await manager.query(
      `SELECT ${PROFILE_COLUMNS}, u.display_name AS "displayName",
              coalesce((SELECT json_agg(json_build_object('key', s.key, 'labelIt', s.label_it, 'labelEn', s.label_en) ORDER BY c.position)
                 FROM competence c JOIN skill s ON s.id = c.skill_id WHERE c.user_id = p.user_id), '[]') AS skills,
              coalesce((SELECT json_agg(json_build_object('labelIt', a.label_it, 'labelEn', a.label_en) ORDER BY a.position)
                 FROM skill_area a WHERE a.id IN (SELECT s.area_id FROM competence c JOIN skill s ON s.id = c.skill_id WHERE c.user_id = p.user_id)), '[]') AS areas
         FROM competence_profile p JOIN app_user u ON u.id = p.user_id
        WHERE p.user_id = $1`,
      [userId],
    );
    return row ?? null;
  }
}
