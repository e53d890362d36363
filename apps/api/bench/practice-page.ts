import type { Pool } from 'pg';
import { dbId, type PageResult } from './forum-pages';
import { postGraphQL, runHttpLoad, sqlStatementsPerRequest, type LoadOptions } from './http-load';
import { runSqlLoad } from './sql-load';

const COMMENTS = 50;
const ADOPTIONS = 20;
const STATEMENT_SAMPLES = 5;

/** The practice page as a signed-in reader opens it; `linkedThreads` where the schema has it. */
export const practicePageQuery = (linkedThreads: boolean): string => `query PracticePage($slug: String!) { practice(slug: $slug) {
  id slug kind status title summary version publishedAt tags adoptionCount bookmarkCount
  need { html } approach { html } resources { html } results { html } difficulties { html } transferability { html }
  authors { id displayName handle } territories { code name } community { name }
  adoptions(first: ${ADOPTIONS}) { totalCount nodes { id adoptedOn outcome notes organizationName territory { name } recordedBy { displayName } viewerCanEdit } }
  ${linkedThreads ? 'linkedThreads { id title }' : ''}
  comments(first: ${COMMENTS}) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id bodyHtml createdAt editedAt deleted hidden author { id displayName handle } viewerCanEdit viewerCanDelete } }
  viewerCanEdit viewerCanSubmit viewerCanPublish viewerCanReturn viewerCanArchive viewerCanRecordAdoption viewerCanComment viewerHasBookmarked } }`;

/**
 * The minimal raw SQL for the same page: what a hand-written handler would
 * run, through the same kind of pool. The practice with its sections, tags,
 * authors, territories, community, linked threads (public, shown), and the
 * viewer's bookmark and standing (author, coordinator, role) for the flags;
 * then its adoptions and its comments, each a page with its count.
 */
const headerSql = (linkedThreads: boolean) => `
  SELECT p.id, p.slug, p.kind, p.status, p.title, p.summary, p.version, p.published_at, p.adoption_count, p.bookmark_count, p.hidden_at,
         p.need_html, p.approach_html, p.resources_html, p.results_html, p.difficulties_html, p.transferability_html,
         c.name AS community_name, c.visibility,
         ARRAY(SELECT g.slug FROM practice_tag pt JOIN tag g ON g.id = pt.tag_id WHERE pt.practice_id = p.id ORDER BY g.slug) AS tags,
         ARRAY(SELECT a.user_id FROM practice_author a WHERE a.practice_id = p.id ORDER BY a.position) AS author_ids,
         (SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name, 'handle', u.handle) ORDER BY a.position)
            FROM practice_author a JOIN app_user u ON u.id = a.user_id WHERE a.practice_id = p.id) AS authors,
         (SELECT json_agg(json_build_object('code', t.code, 'name', t.name) ORDER BY t.id)
            FROM practice_territory x JOIN territory t ON t.id = x.territory_id WHERE x.practice_id = p.id) AS territories,
         ${
           linkedThreads
             ? `ARRAY(SELECT th.id FROM practice_thread l JOIN thread th ON th.id = l.thread_id JOIN community tc ON tc.id = th.community_id
                   WHERE l.practice_id = p.id AND th.deleted_at IS NULL AND th.hidden_at IS NULL AND tc.visibility = 'PUBLIC' ORDER BY l.linked_at)`
             : `ARRAY[]::uuid[]`
         } AS linked_thread_ids,
         EXISTS (SELECT 1 FROM practice_bookmark b WHERE b.practice_id = p.id AND b.user_id = $2) AS bookmarked,
         EXISTS (SELECT 1 FROM practice_author a WHERE a.practice_id = p.id AND a.user_id = $2) AS viewer_authors,
         EXISTS (SELECT 1 FROM community_membership m WHERE m.community_id = p.community_id AND m.user_id = $2 AND m.role = 'COORDINATOR') AS viewer_coordinates,
         (SELECT role FROM app_user WHERE id = $2) AS viewer_role
    FROM practice p LEFT JOIN community c ON c.id = p.community_id
   WHERE p.slug = $1`;

const ADOPTIONS_SQL = `
  SELECT a.id, a.adopted_on, a.outcome, a.notes, a.organization_name, a.recorded_by, t.name AS territory_name, u.display_name AS recorder,
         count(*) OVER ()::int AS total
    FROM practice_adoption a JOIN territory t ON t.id = a.territory_id LEFT JOIN app_user u ON u.id = a.recorded_by
   WHERE a.practice_id = $1
   ORDER BY a.adopted_on DESC, a.id DESC
   LIMIT ${ADOPTIONS + 1}`;

const COMMENTS_SQL = `
  SELECT c.id, c.body_html, c.created_at, c.edited_at, c.deleted_at, c.hidden_at, c.author_id, u.display_name, u.handle,
         count(*) OVER ()::int AS total
    FROM practice_comment c LEFT JOIN app_user u ON u.id = c.author_id
   WHERE c.practice_id = $1
   ORDER BY c.created_at, c.id
   LIMIT ${COMMENTS + 1}`;

export interface PracticePageRows {
  title: string;
  tags: string[];
  authorIds: string[];
  territoryCodes: string[];
  linkedThreadIds: string[];
  communityName: string | null;
  bookmarked: boolean;
  flags: { viewerCanEdit: boolean; viewerCanArchive: boolean; viewerCanRecordAdoption: boolean; viewerCanComment: boolean };
  adoptionIds: string[];
  adoptionTotal: number;
  /** Each adoption's territory and recorder, as shown. */
  adoptionPlaces: string[];
  adoptionRecorders: (string | null)[];
  commentIds: string[];
  commentAuthorIds: (string | null)[];
  commentTotal: number;
  hasMoreComments: boolean;
}

/** Three statements: the practice with all it shows and the viewer's standing, its adoptions, its comments. */
export async function loadPracticePage(pool: Pool, slug: string, viewerId: string, linkedThreads: boolean): Promise<PracticePageRows> {
  const header = await pool.query(headerSql(linkedThreads), [slug, viewerId]);
  const practice = header.rows[0];
  const readable = practice && practice.status === 'PUBLISHED' && practice.hidden_at === null && (practice.visibility ?? 'PUBLIC') === 'PUBLIC';
  if (!readable) throw new Error('raw SQL: practice not found or not readable');
  const adoptions = await pool.query(ADOPTIONS_SQL, [practice.id]);
  const comments = await pool.query(COMMENTS_SQL, [practice.id]);
  const staff = practice.viewer_role === 'MODERATOR' || practice.viewer_role === 'ADMIN';
  const reviewer = staff || practice.viewer_coordinates;
  return {
    title: practice.title,
    tags: practice.tags,
    authorIds: practice.author_ids,
    territoryCodes: (practice.territories ?? []).map((t: { code: string }) => t.code),
    linkedThreadIds: practice.linked_thread_ids,
    communityName: practice.community_name,
    bookmarked: practice.bookmarked,
    flags: {
      viewerCanEdit: practice.viewer_authors,
      viewerCanArchive: practice.viewer_authors || reviewer,
      viewerCanRecordAdoption: true,
      viewerCanComment: true,
    },
    adoptionIds: adoptions.rows.slice(0, ADOPTIONS).map((row) => row.id),
    adoptionTotal: adoptions.rows[0]?.total ?? 0,
    adoptionPlaces: adoptions.rows.slice(0, ADOPTIONS).map((row) => row.territory_name),
    adoptionRecorders: adoptions.rows.slice(0, ADOPTIONS).map((row) => row.recorder),
    commentIds: comments.rows.slice(0, COMMENTS).map((row) => row.id),
    commentAuthorIds: comments.rows.slice(0, COMMENTS).map((row) => row.author_id),
    commentTotal: comments.rows[0]?.total ?? 0,
    hasMoreComments: comments.rows.length > COMMENTS,
  };
}

interface ApiPracticePage {
  practice?: {
    title?: string;
    tags?: string[];
    authors?: { id: string }[];
    territories?: { code: string }[];
    linkedThreads?: { id: string }[];
    community?: { name: string } | null;
    adoptions?: { totalCount?: number; nodes?: { id: string; territory?: { name: string }; recordedBy?: { displayName: string } | null }[] };
    comments?: { totalCount?: number; pageInfo?: { hasNextPage?: boolean }; nodes?: { id: string; author?: { id: string } | null }[] };
    viewerHasBookmarked?: boolean;
  } & Record<string, unknown>;
}

function comparePracticePage(data: unknown, sql: PracticePageRows, linkedThreads: boolean): string {
  const page = (data as ApiPracticePage).practice;
  const ids = (nodes: { id: string }[] | undefined, type: string) => (nodes ?? []).map((node) => dbId(node.id, type));
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const mismatch = [
    page?.title !== sql.title && 'title',
    !same(page?.tags, sql.tags) && 'tags',
    !same(ids(page?.authors, 'User'), sql.authorIds) && 'authors',
    !same(page?.territories?.map((t) => t.code), sql.territoryCodes) && 'territories',
    linkedThreads && !same(ids(page?.linkedThreads, 'Thread').sort(), [...sql.linkedThreadIds].sort()) && 'linked threads',
    (page?.community?.name ?? null) !== sql.communityName && 'community',
    page?.viewerHasBookmarked !== sql.bookmarked && 'bookmark',
    Object.entries(sql.flags).some(([flag, value]) => page?.[flag] !== value) && 'viewer flags',
    (page?.adoptions?.totalCount !== sql.adoptionTotal || !same(ids(page?.adoptions?.nodes, 'PracticeAdoption'), sql.adoptionIds)) && 'adoptions',
    (!same(page?.adoptions?.nodes?.map((a) => a.territory?.name), sql.adoptionPlaces) ||
      !same(page?.adoptions?.nodes?.map((a) => a.recordedBy?.displayName ?? null), sql.adoptionRecorders)) &&
      'adoptions’ territories and recorders',
    !same(page?.comments?.nodes?.map((c) => (c.author ? dbId(c.author.id, 'User') : null)), sql.commentAuthorIds) && 'comments’ authors',
    (page?.comments?.totalCount !== sql.commentTotal ||
      page?.comments?.pageInfo?.hasNextPage !== sql.hasMoreComments ||
      !same(ids(page?.comments?.nodes, 'PracticeComment'), sql.commentIds)) &&
      'comments',
  ].filter(Boolean);
  if (mismatch.length) throw new Error(`practice page: API and raw SQL disagree on ${mismatch.join(', ')}: ${JSON.stringify(data).slice(0, 400)}`);
  return (
    `${sql.authorIds.length} authors, ${sql.territoryCodes.length} territories, the community, ${sql.adoptionIds.length} adoptions of ${sql.adoptionTotal} ` +
    `with their territories and recorders, ${sql.commentIds.length} comment ids of ${sql.commentTotal} in order with their authors, ` +
    `${linkedThreads ? `${sql.linkedThreadIds.length} linked threads, ` : ''}` +
    `the bookmark and ${Object.keys(sql.flags).length} viewer flags`
  );
}

/**
 * The practice page for a signed-in reader who neither wrote nor reviews it:
 * the practice with its sections, authors, territories, community, adoptions,
 * linked threads (where the schema has them), its first comments with their
 * authors, every viewerCan* and the bookmark flag, against the minimal raw SQL
 * for the same data. Verified once, statements counted, then both loaded at
 * the same concurrency.
 */
export async function runPracticePage(
  pool: Pool,
  graphqlUrl: string,
  ids: { slug: string; viewerId: string; accessToken: string; linkedThreads: boolean },
  load: LoadOptions,
  progress: (message: string) => void,
): Promise<PageResult> {
  const headers = { authorization: `Bearer ${ids.accessToken}` };
  const body = JSON.stringify({ query: practicePageQuery(ids.linkedThreads), operationName: 'PracticePage', variables: { slug: ids.slug } });
  const checked = comparePracticePage(await postGraphQL(graphqlUrl, body, headers), await loadPracticePage(pool, ids.slug, ids.viewerId, ids.linkedThreads), ids.linkedThreads);
  const statements = await sqlStatementsPerRequest(load.statementsUrl, body, headers, STATEMENT_SAMPLES);
  progress(`practice page: raw SQL, ${load.connections} workers, ${load.warmupS} s warm-up + ${load.durationS} s…`);
  const sql = await runSqlLoad(pool, load, (p) => loadPracticePage(p, ids.slug, ids.viewerId, ids.linkedThreads));
  progress(`practice page: GraphQL API, ${load.connections} connections, ${load.warmupS} s warm-up + ${load.durationS} s…`);
  const http = await runHttpLoad(graphqlUrl, body, load, headers);
  return { name: 'practice page', sql, http, statements, sqlStatements: 3, checked };
}
