import type { Pool } from 'pg';
import { postGraphQL, runHttpLoad, sqlStatementsPerRequest, type HttpLoadResult, type LoadOptions } from './http-load';
import { loadThreadList, loadThreadPage, type ReactionRow, type ThreadListRows, type ThreadPageRows } from './forum-sql';
import { runSqlLoad, type SqlLoadResult } from './sql-load';

export const THREAD_PAGE_QUERY = `query ThreadPage($id: ID!) { node(id: $id) { ... on Thread { title answered locked postCount participantCount tags community { name }
  posts(first: 50) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id bodyHtml createdAt author { id displayName handle } reactions { kind count viewerHasReacted } viewerCanEdit } } } } }`;

export const THREAD_LIST_QUERY = `query ThreadList($c: ID!) { threads(first: 25, filter: { community: $c }) { totalCount
  nodes { id title kind answered locked postCount participantCount lastActivityAt tags author { displayName } } } }`;

const STATEMENT_SAMPLES = 5;

export const toGlobalId = (type: string, id: string): string => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

/** The uuid behind a global id of `type`; throws on anything else. */
export function dbId(globalId: string, type: string): string {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  if (!decoded.startsWith(`${type}:`)) throw new Error(`"${globalId}" is not a ${type} id`);
  return decoded.slice(type.length + 1);
}

export interface PageResult {
  name: string;
  sql: SqlLoadResult;
  http: HttpLoadResult;
  /** Statements per request, one figure per sample (x-sql-statements). */
  statements: number[];
  /** Statements per op of the raw SQL baseline. */
  sqlStatements: number;
  /** What was checked to agree between the API and the raw SQL. */
  checked: string;
}

interface PageSpec {
  name: string;
  graphqlUrl: string;
  body: string;
  headers: Record<string, string>;
  sqlOp: (pool: Pool) => Promise<unknown>;
  sqlStatements: number;
  /** Compares one API answer with one raw SQL answer; throws on a difference, returns what it checked. */
  verify: (data: unknown, pool: Pool) => Promise<string>;
}

/** Verifies once, counts statements per request, then loads raw SQL and the API at the same concurrency. */
async function runPage(pool: Pool, spec: PageSpec, load: LoadOptions, progress: (message: string) => void): Promise<PageResult> {
  const checked = await spec.verify(await postGraphQL(spec.graphqlUrl, spec.body, spec.headers), pool);
  const statements = await sqlStatementsPerRequest(load.statementsUrl, spec.body, spec.headers, STATEMENT_SAMPLES);
  progress(`${spec.name}: raw SQL, ${load.connections} workers, ${load.warmupS} s warm-up + ${load.durationS} s…`);
  const sql = await runSqlLoad(pool, load, spec.sqlOp);
  progress(`${spec.name}: GraphQL API, ${load.connections} connections, ${load.warmupS} s warm-up + ${load.durationS} s…`);
  const http = await runHttpLoad(spec.graphqlUrl, spec.body, load, spec.headers);
  return { name: spec.name, sql, http, statements, sqlStatements: spec.sqlStatements, checked };
}

/** Page A: a thread with its first 50 posts, authors, reactions and the viewer's reactions (signed in). */
export function runThreadPage(
  pool: Pool,
  graphqlUrl: string,
  ids: { threadId: string; viewerId: string; accessToken: string },
  load: LoadOptions,
  progress: (message: string) => void,
): Promise<PageResult> {
  return runPage(
    pool,
    {
      name: 'thread page',
      graphqlUrl,
      body: JSON.stringify({ query: THREAD_PAGE_QUERY, operationName: 'ThreadPage', variables: { id: toGlobalId('Thread', ids.threadId) } }),
      headers: { authorization: `Bearer ${ids.accessToken}` },
      sqlOp: (p) => loadThreadPage(p, ids.threadId, ids.viewerId),
      sqlStatements: 2,
      verify: async (data, p) => compareThreadPage(data, await loadThreadPage(p, ids.threadId, ids.viewerId)),
    },
    load,
    progress,
  );
}

/** Page B: a community's 25 latest threads with authors and tags, read anonymously. */
export function runThreadList(
  pool: Pool,
  graphqlUrl: string,
  communityId: string,
  load: LoadOptions,
  progress: (message: string) => void,
): Promise<PageResult> {
  return runPage(
    pool,
    {
      name: 'thread list',
      graphqlUrl,
      body: JSON.stringify({ query: THREAD_LIST_QUERY, operationName: 'ThreadList', variables: { c: toGlobalId('Community', communityId) } }),
      headers: {},
      sqlOp: (p) => loadThreadList(p, communityId),
      sqlStatements: 2,
      verify: async (data, p) => compareThreadList(data, await loadThreadList(p, communityId)),
    },
    load,
    progress,
  );
}

interface ApiThreadPage {
  node?: {
    title?: string;
    tags?: string[];
    posts?: {
      totalCount?: number;
      pageInfo?: { hasNextPage?: boolean };
      nodes?: { id: string; reactions: { kind: string; count: number; viewerHasReacted: boolean }[] }[];
    };
  };
}

function compareThreadPage(data: unknown, sql: ThreadPageRows): string {
  const thread = (data as ApiThreadPage).node;
  const nodes = thread?.posts?.nodes ?? [];
  const apiIds = nodes.map((node) => dbId(node.id, 'Post'));
  const mismatch = [
    thread?.title !== sql.title && 'title',
    JSON.stringify(thread?.tags) !== JSON.stringify(sql.tags) && 'tags',
    thread?.posts?.totalCount !== sql.total && 'totalCount',
    thread?.posts?.pageInfo?.hasNextPage !== sql.hasNextPage && 'hasNextPage',
    (apiIds.length !== 50 || JSON.stringify(apiIds) !== JSON.stringify(sql.postIds)) && 'post ids',
    JSON.stringify(nodes.map((node) => reactionsKey(node.reactions.map((r) => ({ kind: r.kind, count: r.count, mine: r.viewerHasReacted }))))) !==
      JSON.stringify(sql.reactions.map(reactionsKey)) && 'reactions',
  ].filter(Boolean);
  if (mismatch.length) throw new Error(`thread page: API and raw SQL disagree on ${mismatch.join(', ')}: ${JSON.stringify(data).slice(0, 400)}`);
  const reactions = sql.reactions.flat();
  const total = reactions.reduce((sum, r) => sum + r.count, 0);
  const mine = reactions.filter((r) => r.mine).length;
  return `${apiIds.length} post ids of ${sql.total}, ${total} reactions (${mine} by the viewer), tags`;
}

/** Reactions with a count, by kind, as comparable text (the API lists every kind, zero counts included). */
function reactionsKey(rows: ReactionRow[]): string {
  return rows
    .filter((row) => row.count > 0)
    .map((row) => `${row.kind}:${row.count}:${row.mine}`)
    .sort()
    .join(',');
}

function compareThreadList(data: unknown, sql: ThreadListRows): string {
  const connection = (data as { threads?: { totalCount?: number; nodes?: { id: string }[] } }).threads;
  const apiIds = (connection?.nodes ?? []).map((node) => dbId(node.id, 'Thread'));
  if (connection?.totalCount !== sql.total || apiIds.length !== 25 || JSON.stringify(apiIds) !== JSON.stringify(sql.threadIds)) {
    throw new Error(
      `thread list: API (${apiIds.length} ids, total ${connection?.totalCount}) and raw SQL (${sql.threadIds.length} ids, total ${sql.total}) disagree`,
    );
  }
  return `${apiIds.length} thread ids in order (pinned first) of ${sql.total}`;
}
