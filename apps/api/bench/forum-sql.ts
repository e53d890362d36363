import type { Pool } from 'pg';

/**
 * The minimal raw SQL for the two forum pages: what a hand-written handler
 * would run for the same data, through the same kind of pool.
 */

/** Thread header: the thread, its community's name and visibility, its tags, and how many posts it has. */
const THREAD_HEADER_SQL = `
  SELECT t.id, t.title, t.locked_at, t.accepted_post_id, t.post_count, t.participant_count,
         c.name AS community_name, c.visibility,
         ARRAY(SELECT g.slug FROM thread_tag tt JOIN tag g ON g.id = tt.tag_id WHERE tt.thread_id = t.id ORDER BY g.slug) AS tags,
         (SELECT count(*)::int FROM post p WHERE p.thread_id = t.id) AS total
    FROM thread t JOIN community c ON c.id = t.community_id
   WHERE t.id = $1 AND t.deleted_at IS NULL`;

/** The first 50 posts (+1 for hasNextPage) with author columns, reaction counts per kind and the viewer's reactions. */
const THREAD_POSTS_SQL = `
  SELECT p.id, p.body_html, p.created_at, p.deleted_at, p.author_id, u.display_name, u.handle, r.reactions
    FROM post p
    LEFT JOIN app_user u ON u.id = p.author_id
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('kind', k.kind, 'count', k.n, 'mine', k.mine)) AS reactions
        FROM (SELECT kind, count(*)::int AS n, bool_or(user_id = $2) AS mine FROM post_reaction WHERE post_id = p.id GROUP BY kind) k
    ) r ON true
   WHERE p.thread_id = $1
   ORDER BY p.created_at, p.id
   LIMIT 51`;

/** The community's 25 latest threads (+1), pinned first, with author names and tags; public communities only (anonymous reader). */
const THREAD_LIST_SQL = `
  SELECT t.id, t.title, t.kind, t.locked_at, t.accepted_post_id, t.post_count, t.participant_count, t.last_activity_at,
         u.display_name AS author_name,
         ARRAY(SELECT g.slug FROM thread_tag tt JOIN tag g ON g.id = tt.tag_id WHERE tt.thread_id = t.id ORDER BY g.slug) AS tags
    FROM thread t
    JOIN community c ON c.id = t.community_id AND c.visibility = 'PUBLIC'
    LEFT JOIN app_user u ON u.id = t.author_id
   WHERE t.community_id = $1 AND t.deleted_at IS NULL
   ORDER BY (t.pinned_at IS NOT NULL) DESC, t.last_activity_at DESC, t.id DESC
   LIMIT 26`;

const THREAD_COUNT_SQL = `SELECT count(*)::int AS count FROM thread WHERE community_id = $1 AND deleted_at IS NULL`;

export interface ReactionRow {
  kind: string;
  count: number;
  mine: boolean;
}

export interface ThreadPageRows {
  title: string;
  total: number;
  tags: string[];
  postIds: string[];
  hasNextPage: boolean;
  reactions: ReactionRow[][];
}

export interface ThreadListRows {
  total: number;
  threadIds: string[];
}

/** Page A: two statements, header then posts. */
export async function loadThreadPage(pool: Pool, threadId: string, viewerId: string): Promise<ThreadPageRows> {
  const header = await pool.query<{ title: string; total: number; tags: string[]; visibility: string }>(THREAD_HEADER_SQL, [threadId]);
  const thread = header.rows[0];
  if (!thread || thread.visibility !== 'PUBLIC') throw new Error('raw SQL: thread not found or not public');
  const posts = await pool.query<{ id: string; reactions: ReactionRow[] | null }>(THREAD_POSTS_SQL, [threadId, viewerId]);
  const page = posts.rows.slice(0, 50);
  return {
    title: thread.title,
    total: thread.total,
    tags: thread.tags,
    postIds: page.map((row) => row.id),
    hasNextPage: posts.rows.length > 50,
    reactions: page.map((row) => row.reactions ?? []),
  };
}

/** Page B: two statements, page then count. */
export async function loadThreadList(pool: Pool, communityId: string): Promise<ThreadListRows> {
  const page = await pool.query<{ id: string }>(THREAD_LIST_SQL, [communityId]);
  const count = await pool.query<{ count: number }>(THREAD_COUNT_SQL, [communityId]);
  return { total: count.rows[0]?.count ?? -1, threadIds: page.rows.slice(0, 25).map((row) => row.id) };
}

/** Sum over transactions committed in the API's database, for an approximate statement count. */
export async function committedTransactions(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(rows[0]?.n ?? Number.NaN);
}
