import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlList, SqlWhere, uniqueSlug, updatedRows, type Principals } from '@bottega/core';
import { communityColumns, type CommunityVisibility } from '@bottega/forum';
import { territoryJsonSql, territoryWithinSql, type TerritoryJson } from '@bottega/territories';
import { PRACTICE_AUDIENCE, practiceColumns } from './practice.audience';
import type { PracticeKind, PracticeStatus } from './practice.enums';
import type { PracticeOrganizationValue } from './practice-organization';
import type { PracticeOrganizationKind } from './practice-organization.enums';
import { userJsonSql, type UserJson } from '@bottega/identity';
import type { CommunityJson } from './practice-page.rows';
import { SECTIONS, completeSql, type SectionName, type Sections } from './practice.sections';

/** A practice as every page reads it: its columns, its sections, its links and its community's visibility. */
export interface PracticeRow {
  id: string;
  slug: string;
  kind: PracticeKind;
  status: PracticeStatus;
  title: string;
  summary: string;
  sections: Sections;
  startsOn: string | null;
  endsOn: string | null;
  communityId: string | null;
  communityVisibility: CommunityVisibility | null;
  projectId: string | null;
  createdBy: string | null;
  version: number;
  reviewComment: string | null;
  /** Its media whose consent is not recorded: a story leaves DRAFT only with none. */
  mediaWithoutConsent: number;
  /** Where it was adopted, counted with each adoption recorded or removed. */
  adoptionCount: number;
  /** How many people bookmarked it, counted by the statement that adds or removes a bookmark. */
  bookmarkCount: number;
  hiddenAt: Date | null;
  publishedAt: Date | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The creator first, then co-authors in the order they were named. */
  authorIds: string[];
  tags: string[];
  territoryIds: string[];
  /** The organizations involved, in the authors' order. */
  organizations: PracticeOrganizationValue[];
  /** Its community as the forum reads it (null without one): the practice's readers read it (asked of the forum's audience). */
  community: CommunityJson | null;
  /** The forum threads its authors linked, in the order linked (whether the viewer reads them is the forum's to say). */
  linkedThreadIds: string[];
}

/**
 * A practice as its page opens it, in one statement: the row, its authors and
 * territories as plain rows (for their loaders), and whether the viewer
 * bookmarked it.
 */
export interface PracticePageRow {
  row: PracticeRow;
  authors: UserJson[];
  territories: TerritoryJson[];
  viewerBookmarked: boolean;
}

/** What a create or an update writes; a field left undefined stays as it is. */
export interface PracticeFields {
  kind?: PracticeKind;
  title?: string;
  summary?: string;
  sections?: Partial<Sections>;
  startsOn?: string | null;
  endsOn?: string | null;
  projectId?: string | null;
}

export interface PracticeLinks {
  coAuthorIds?: string[];
  tags?: string[];
  territoryIds?: string[];
  organizations?: PracticeOrganizationValue[];
}

export interface PracticeFilterValues {
  territoryId: string | null;
  tag: string | null;
  kind: PracticeKind | null;
  status: PracticeStatus | null;
  communityId: string | null;
  projectId: string | null;
  /** Only those this person bookmarked. */
  bookmarkedBy: string | null;
  /** Only those involving an organization of one of these kinds. */
  organizationKinds?: PracticeOrganizationKind[] | null;
  /** Only those whose title or summary has, for each typed word, a word starting so (accents and case aside). */
  textPrefix?: string | null;
}

/**
 * A practice's versioned content. Versions kept before links were recorded in
 * them lack `projectId`, `territoryIds`, `tags` and `organizations`: unknown
 * there, not empty (organizations did not exist yet, so they read as none).
 */
export interface PracticeVersionContent {
  kind: PracticeKind;
  title: string;
  summary: string;
  sections: Sections;
  startsOn: string | null;
  endsOn: string | null;
  projectId?: string | null;
  territoryIds?: string[];
  tags?: string[];
  organizations?: PracticeOrganizationValue[];
}

/** A replaced version of a published practice. */
export interface PracticeVersionRow {
  version: number;
  content: PracticeVersionContent;
  madeBy: string | null;
  madeAt: Date;
}

/** The content of a practice as it is now, as a version records it. */
export function contentOf(practice: PracticeRow): Required<PracticeVersionContent> {
  const { kind, title, summary, sections, startsOn, endsOn, projectId, territoryIds, tags, organizations } = practice;
  return { kind, title, summary, sections, startsOn, endsOn, projectId, territoryIds, tags, organizations };
}

const SECTIONS_SQL = `jsonb_build_object(${SECTIONS.map(
  (name) => `'${name}', jsonb_build_object('source', practice.${name}_source, 'html', practice.${name}_html)`,
).join(', ')})`;

const ROW_COLUMNS = [
  'practice.id',
  'practice.slug',
  'practice.kind',
  'practice.status',
  'practice.title',
  'practice.summary',
  `${SECTIONS_SQL} AS sections`,
  `to_char(practice.starts_on, 'YYYY-MM-DD') AS "startsOn"`,
  `to_char(practice.ends_on, 'YYYY-MM-DD') AS "endsOn"`,
  'practice.community_id AS "communityId"',
  'practice_community.visibility AS "communityVisibility"',
  'practice.project_id AS "projectId"',
  'practice.created_by AS "createdBy"',
  'practice.version',
  'practice.review_comment AS "reviewComment"',
  'practice.media_without_consent AS "mediaWithoutConsent"',
  'practice.adoption_count AS "adoptionCount"',
  'practice.bookmark_count AS "bookmarkCount"',
  'practice.hidden_at AS "hiddenAt"',
  'practice.published_at AS "publishedAt"',
  'practice.archived_at AS "archivedAt"',
  'practice.created_at AS "createdAt"',
  'practice.updated_at AS "updatedAt"',
  'ARRAY(SELECT a.user_id FROM practice_author a WHERE a.practice_id = practice.id ORDER BY a.position) AS "authorIds"',
  'ARRAY(SELECT g.slug FROM practice_tag pt JOIN tag g ON g.id = pt.tag_id WHERE pt.practice_id = practice.id ORDER BY g.slug) AS tags',
  'ARRAY(SELECT t.territory_id FROM practice_territory t WHERE t.practice_id = practice.id ORDER BY t.territory_id) AS "territoryIds"',
  `coalesce((SELECT jsonb_agg(jsonb_build_object('name', o.name, 'kind', o.kind, 'role', o.role) ORDER BY o.position)
      FROM practice_organization o WHERE o.practice_id = practice.id), '[]'::jsonb) AS organizations`,
  'ARRAY(SELECT l.thread_id FROM practice_thread l WHERE l.practice_id = practice.id ORDER BY l.linked_at, l.thread_id) AS "linkedThreadIds"',
  `CASE WHEN practice_community.id IS NOT NULL THEN (SELECT row_to_json(c) FROM (SELECT ${communityColumns('practice_community')}) c) END AS community`,
].join(', ');

/** What the practice page shows besides the row (see {@link PracticePageRow}); the viewer is `$2`. */
const PAGE_COLUMNS = [
  `coalesce((SELECT json_agg(${userJsonSql('u')} ORDER BY a.position) FROM practice_author a JOIN app_user u ON u.id = a.user_id
     WHERE a.practice_id = practice.id), '[]') AS "pageAuthors"`,
  `coalesce((SELECT json_agg(${territoryJsonSql('t')} ORDER BY pt.territory_id) FROM practice_territory pt JOIN territory t ON t.id = pt.territory_id
     WHERE pt.practice_id = practice.id), '[]') AS "pageTerritories"`,
  `EXISTS (SELECT 1 FROM practice_bookmark b WHERE b.practice_id = practice.id AND b.user_id = $2) AS "viewerBookmarked"`,
].join(', ');

const FROM = 'FROM practice practice LEFT JOIN community practice_community ON practice_community.id = practice.community_id';


/** The only code that reads and writes practices, their authors, tags, territories and versions. */
@Injectable()
export class PracticeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findByIds(ids: readonly string[], runner: DataSource | EntityManager = this.db): Promise<PracticeRow[]> {
    return runner.query(`SELECT ${ROW_COLUMNS} ${FROM} WHERE practice.id = ANY($1::uuid[])`, [ids]);
  }

  /** The practice with this slug as its page opens it (whoever may read it: the caller asks the audience); null when there is none. */
  async page(slug: string, viewerId: string | null): Promise<PracticePageRow | null> {
    const [found]: (PracticeRow & { pageAuthors: UserJson[]; pageTerritories: TerritoryJson[]; viewerBookmarked: boolean })[] = await this.db.query(
      `SELECT ${ROW_COLUMNS}, ${PAGE_COLUMNS} ${FROM} WHERE practice.slug = $1`,
      [slug, viewerId],
    );
    if (!found) return null;
    const { pageAuthors, pageTerritories, viewerBookmarked, ...row } = found;
    return { row, authors: pageAuthors, territories: pageTerritories, viewerBookmarked };
  }

  /**
   * The slug of `title`, with -2, -3… when taken. Practices titled alike are
   * created one at a time (a transaction lock on the slug), so concurrent ones
   * each see the others' slugs and take the next.
   */
  async takeSlug(manager: EntityManager, title: string): Promise<string> {
    return uniqueSlug(title, 'practice', async (base) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('practice-slug:' || $1))`, [base]);
      const rows: { slug: string }[] = await manager.query(`SELECT slug FROM practice WHERE slug = $1 OR slug LIKE $2`, [base, `${base}-%`]);
      return new Set(rows.map((row) => row.slug));
    });
  }

  async insert(
    manager: EntityManager,
    practice: { slug: string; communityId: string | null; createdBy: string } & Required<Pick<PracticeFields, 'kind' | 'title'>> & PracticeFields,
    links: Required<PracticeLinks>,
  ): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO practice (slug, kind, title, community_id, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
      [practice.slug, practice.kind, practice.title, practice.communityId, practice.createdBy],
    );
    if (!row) throw new Error('A practice was not inserted');
    await this.write(manager, row.id, practice);
    await manager.query(`INSERT INTO practice_author (practice_id, user_id, position) VALUES ($1, $2, 0)`, [row.id, practice.createdBy]);
    await this.link(manager, row.id, links);
    return row.id;
  }

  /**
   * Locks the practice if it is still at `version` and in one of `statuses`;
   * a concurrent edit from the same version waits here and then finds the
   * version moved on, so exactly one of them writes. Returns what the row
   * held (for the version it replaces), or null.
   */
  async lockAt(manager: EntityManager, id: string, version: number, statuses: PracticeStatus[]): Promise<PracticeRow | null> {
    const [locked]: { id: string }[] = await manager.query(
      `SELECT id FROM practice WHERE id = $1 AND version = $2 AND status = ANY($3::text[]) FOR UPDATE`,
      [id, version, statuses],
    );
    if (!locked) return null;
    const [row] = await this.findByIds([id], manager);
    return row ?? null;
  }

  /** Keeps a published practice's content (its links and organizations included) as it was before an edit replaces it. */
  async keepVersion(manager: EntityManager, before: PracticeRow): Promise<void> {
    await manager.query(
      `INSERT INTO practice_version (practice_id, version, content, made_by, made_at)
       SELECT id, version, $2::jsonb, updated_by, updated_at FROM practice WHERE id = $1`,
      [before.id, JSON.stringify(contentOf(before))],
    );
  }

  /** The kept versions of a practice among `versions`. */
  versionsAmong(practiceId: string, versions: number[]): Promise<PracticeVersionRow[]> {
    return this.db.query(
      `SELECT v.version, v.content, v.made_by AS "madeBy", v.made_at AS "madeAt" FROM practice_version v WHERE v.practice_id = $1 AND v.version = ANY($2::int[])`,
      [practiceId, versions],
    );
  }

  /** Writes the fields given and moves to the next version (the caller holds the row lock of {@link lockAt}). */
  async update(manager: EntityManager, id: string, editorId: string, fields: PracticeFields, links: PracticeLinks): Promise<void> {
    await manager.query(`UPDATE practice SET version = version + 1, updated_by = $2, updated_at = now() WHERE id = $1`, [id, editorId]);
    await this.write(manager, id, fields);
    await this.link(manager, id, links);
  }

  /**
   * Moves the practice from `from` to `to` in one conditional UPDATE, so two
   * reviewers (or a reviewer and an author) cannot both move it; submitting
   * also requires the required parts, checked on the row it changes, and a
   * story leaves DRAFT only with every medium consented, by the count its
   * media changes keep on that row. False when it was not in `from` (or,
   * submitted, not complete, or a story with media lacking consent).
   */
  async transition(
    manager: EntityManager,
    id: string,
    change: { from: PracticeStatus; to: PracticeStatus; reviewComment: string | null; requireComplete: boolean },
  ): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE practice SET status = $3, review_comment = $4,
                published_at = CASE WHEN $3 = 'PUBLISHED' THEN coalesce(published_at, now()) ELSE published_at END,
                archived_at = CASE WHEN $3 = 'ARCHIVED' THEN now() ELSE archived_at END
          WHERE id = $1 AND status = $2 AND (NOT $5 OR ${completeSql('practice')})
            AND ($3 = 'DRAFT' OR kind <> 'STORY' OR media_without_consent = 0) RETURNING id`,
        [id, change.from, change.to, change.reviewComment, change.requireComplete],
      ),
    );
    return rows.length === 1;
  }

  /** Hides or shows a practice again; false when it already was so. */
  async setHidden(manager: EntityManager, id: string, hidden: boolean): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(`UPDATE practice SET hidden_at = CASE WHEN $2 THEN now() END WHERE id = $1 AND (hidden_at IS NULL) = $2 RETURNING id`, [
        id,
        hidden,
      ]),
    );
    return rows.length === 1;
  }

  /** Whether the account authors a published practice that is not hidden. */
  async hasVisibleBy(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM practice_author a JOIN practice p ON p.id = a.practice_id
        WHERE a.user_id = $1 AND p.status IN ('PUBLISHED', 'ARCHIVED') AND p.hidden_at IS NULL LIMIT 1`,
      [userId],
    );
    return rows.length > 0;
  }

  /** The replaced versions of a practice, newest first; paging is the caller's. */
  versions(practiceId: string): SqlList<PracticeVersionRow> {
    return new SqlList<PracticeVersionRow>(
      `v.version, v.content, v.made_by AS "madeBy", v.made_at AS "madeAt"`,
      `FROM practice_version v WHERE v.practice_id = :practiceId`,
      { practiceId }, this.db);
  }

  /** Practices in the reader's audience ({@link PRACTICE_AUDIENCE}), filtered; order and paging are the caller's. */
  query(reader: Principals, filter: PracticeFilterValues): SqlList<PracticeRow> {
    const readable = PRACTICE_AUDIENCE.where(practiceColumns('practice', 'practice_community'), reader);
    const where = new SqlWhere().and(readable.sql, readable.params);
    if (filter.communityId) where.and('practice.community_id = :communityId', { communityId: filter.communityId });
    if (filter.projectId) where.and('practice.project_id = :projectId', { projectId: filter.projectId });
    if (filter.bookmarkedBy) {
      where.and('EXISTS (SELECT 1 FROM practice_bookmark fb WHERE fb.practice_id = practice.id AND fb.user_id = :bookmarkedBy)', { bookmarkedBy: filter.bookmarkedBy });
    }
    if (filter.kind) where.and('practice.kind = :kind', { kind: filter.kind });
    if (filter.status) where.and('practice.status = :status', { status: filter.status });
    if (filter.tag) {
      where.and('EXISTS (SELECT 1 FROM practice_tag ft JOIN tag t ON t.id = ft.tag_id WHERE ft.practice_id = practice.id AND t.slug = :tag)', {
        tag: filter.tag,
      });
    }
    if (filter.organizationKinds && filter.organizationKinds.length > 0) {
      where.and('EXISTS (SELECT 1 FROM practice_organization fo WHERE fo.practice_id = practice.id AND fo.kind = ANY(:organizationKinds::text[]))', {
        organizationKinds: filter.organizationKinds,
      });
    }
    // The words column and its GIN index come from practice_words (see the migration), the query's words from the same function.
    if (filter.textPrefix) where.and('practice.words @@ practice_prefix_query(:textPrefix)', { textPrefix: filter.textPrefix });
    if (filter.territoryId) {
      where.and(
        `EXISTS (SELECT 1 FROM practice_territory ftt WHERE ftt.practice_id = practice.id AND ${territoryWithinSql('ftt.territory_id', 'territoryId')})`,
        { territoryId: filter.territoryId },
      );
    }
    return new SqlList<PracticeRow>(ROW_COLUMNS, `${FROM} WHERE ${where}`, where.params, this.db);
  }

  private async write(manager: EntityManager, id: string, fields: PracticeFields): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (fields.kind !== undefined) set('kind', fields.kind);
    if (fields.title !== undefined) set('title', fields.title);
    if (fields.summary !== undefined) set('summary', fields.summary);
    for (const [name, text] of Object.entries(fields.sections ?? {}) as [SectionName, { source: string; html: string }][]) {
      set(`${name}_source`, text.source);
      set(`${name}_html`, text.html);
    }
    if (fields.startsOn !== undefined) set('starts_on', fields.startsOn);
    if (fields.endsOn !== undefined) set('ends_on', fields.endsOn);
    if (fields.projectId !== undefined) set('project_id', fields.projectId);
    if (sets.length > 0) await manager.query(`UPDATE practice SET ${sets.join(', ')} WHERE id = $1`, values);
  }

  /** Co-authors, tags, territories and organizations given become exactly those (tags created on first use, as the forum's). */
  private async link(manager: EntityManager, id: string, links: PracticeLinks): Promise<void> {
    if (links.coAuthorIds) {
      await manager.query(`DELETE FROM practice_author WHERE practice_id = $1 AND position > 0`, [id]);
      await manager.query(
        `INSERT INTO practice_author (practice_id, user_id, position)
         SELECT $1, u.id, u.n FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, n) ON CONFLICT DO NOTHING`,
        [id, links.coAuthorIds],
      );
    }
    if (links.tags) {
      await manager.query(`DELETE FROM practice_tag WHERE practice_id = $1`, [id]);
      if (links.tags.length > 0) {
        await manager.query(`INSERT INTO tag (slug) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [links.tags]);
        await manager.query(`INSERT INTO practice_tag (practice_id, tag_id) SELECT $1, id FROM tag WHERE slug = ANY($2::text[])`, [id, links.tags]);
      }
    }
    if (links.territoryIds) {
      await manager.query(`DELETE FROM practice_territory WHERE practice_id = $1`, [id]);
      await manager.query(`INSERT INTO practice_territory (practice_id, territory_id) SELECT $1, unnest($2::uuid[])`, [id, links.territoryIds]);
    }
    if (links.organizations) {
      await manager.query(`DELETE FROM practice_organization WHERE practice_id = $1`, [id]);
      await manager.query(
        `INSERT INTO practice_organization (practice_id, position, name, kind, role)
         SELECT $1, o.n - 1, o.name, o.kind, o.role FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS o(name, kind, role, n)`,
        [id, links.organizations.map((o) => o.name), links.organizations.map((o) => o.kind), links.organizations.map((o) => o.role)],
      );
    }
  }
}
