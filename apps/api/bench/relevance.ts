import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { slugify, toGlobalId } from '@bottega/core';
import { RELEVANCE_QUERIES, type RelevanceQuery } from './relevance-queries';
import { ApiProcess } from './api-process';
import { postGraphQL } from './http-load';
import { createPool } from './sql-load';

const FIRST_START_TIMEOUT_MS = 120_000;
const CUTOFF = 10;

const TYPES: Record<string, string> = { Practice: 'PRACTICE', Thread: 'THREAD', Post: 'POST', Profile: 'COMPETENCE_PROFILE' };

const SEARCH = `query($query: String!, $filter: SearchFilterInput) {
  search(query: $query, filter: $filter, first: ${CUTOFF}) { totalCount edges { node { __typename ... on Node { id } } } } }`;

export interface QueryScore {
  id: string;
  category: string;
  query: string;
  ndcg: number;
  /** Keys that must never be returned to an anonymous reader, found among the hits. */
  leaked: string[];
}

export interface RelevanceResult {
  engine: string;
  queries: QueryScore[];
  mean: number;
  byCategory: Record<string, number>;
}

/**
 * The judged queries (`libs/search/src/relevance`) against the API on the
 * demo seed, read anonymously through `search`: nDCG@10 for each, with the
 * grades of the whole seed as the ideal, and any document that must never
 * reach an anonymous reader.
 */
export async function measureRelevance(options: {
  cwd: string;
  ports: [number, number];
  engine: 'postgres' | 'meilisearch';
  env?: Record<string, string>;
  progress: (message: string) => void;
}): Promise<RelevanceResult> {
  const pgDataDir = mkdtempSync(join(tmpdir(), 'bottega-bench-relevance-'));
  const [port, pgPort] = options.ports;
  let api: ApiProcess | null = null;
  let pool: Pool | null = null;
  try {
    options.progress(`relevance (${options.engine}): starting the API on the demo seed…`);
    const started = await ApiProcess.start(
      { cwd: options.cwd, port, database: { pgPort, pgDataDir }, env: { SEED_DEMO: 'true', SEED_DEMO_IN_PRODUCTION: 'true', ...options.env } },
      FIRST_START_TIMEOUT_MS,
    );
    api = started.api;
    pool = createPool(`postgres://postgres:bottega@127.0.0.1:${pgPort}/bottega`);
    const counts = await pool.query<{ documents: string; practices: string }>(
      `SELECT (SELECT count(*) FROM search_document) AS documents, (SELECT count(*) FROM practice) AS practices`,
    );
    options.progress(`relevance (${options.engine}): ${counts.rows[0]?.practices} practices, ${counts.rows[0]?.documents} documents indexed`);
    const keys = await documentKeys(pool);
    const territories = await territoryIds(pool);
    const graphqlUrl = `${api.baseUrl}/graphql`;
    const queries: QueryScore[] = [];
    for (const judged of RELEVANCE_QUERIES) {
      const filter = {
        ...(judged.filter?.types ? { types: judged.filter.types.map((type) => TYPES[type]) } : {}),
        ...(judged.filter?.territoryCodes ? { territoryIds: judged.filter.territoryCodes.map((code) => territories.get(code)) } : {}),
      };
      const data = (await postGraphQL(graphqlUrl, JSON.stringify({ query: SEARCH, variables: { query: judged.query, filter } }), {})) as {
        search: { edges: { node: { id: string } }[] };
      };
      const found = data.search.edges.map((edge) => keys.get(edge.node.id) ?? edge.node.id);
      queries.push({
        id: judged.id,
        category: judged.category,
        query: judged.query,
        ndcg: ndcgAt(CUTOFF, found, judged),
        leaked: found.filter((key) => (judged.expectNone as string[] | undefined)?.includes(key)),
      });
    }
    const mean = average(queries.map((score) => score.ndcg));
    const byCategory: Record<string, number> = {};
    for (const category of new Set(queries.map((score) => score.category))) {
      byCategory[category] = average(queries.filter((score) => score.category === category).map((score) => score.ndcg));
    }
    return { engine: options.engine, queries, mean, byCategory };
  } finally {
    await pool?.end();
    if (api) await api.stop();
    rmSync(pgDataDir, { recursive: true, force: true });
  }
}

/** nDCG at `cutoff`: gains 2^grade − 1, discounted by log2 of the rank + 1, over the ideal order of every graded document. */
export function ndcgAt(cutoff: number, found: readonly string[], judged: RelevanceQuery): number {
  const grades = judged.grades as Record<string, number>;
  const dcg = (values: number[]) => values.slice(0, cutoff).reduce((sum, grade, rank) => sum + (2 ** grade - 1) / Math.log2(rank + 2), 0);
  const ideal = dcg(Object.values(grades).sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(found.map((key) => grades[key] ?? 0)) / ideal;
}

/** Global ids of the seed's documents to their judged keys (`practice:<slug>`, `thread:<slug>`, `post:<slug>#<n>`, `profile:<handle>`, `exchange:<slug>`). */
async function documentKeys(pool: Pool): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const row of (await pool.query<{ id: string; slug: string }>(`SELECT id, slug FROM practice`)).rows) {
    keys.set(toGlobalId('Practice', row.id), `practice:${row.slug}`);
  }
  for (const row of (await pool.query<{ id: string; title: string }>(`SELECT id, title FROM thread`)).rows) {
    keys.set(toGlobalId('Thread', row.id), `thread:${slugify(row.title)}`);
  }
  const posts = await pool.query<{ id: string; title: string; n: string }>(
    `SELECT p.id, t.title, row_number() OVER (PARTITION BY p.thread_id ORDER BY p.created_at, p.id) AS n FROM post p JOIN thread t ON t.id = p.thread_id`,
  );
  for (const row of posts.rows) keys.set(toGlobalId('Post', row.id), `post:${slugify(row.title)}#${row.n}`);
  for (const row of (await pool.query<{ id: string; handle: string }>(`SELECT p.user_id AS id, u.handle FROM competence_profile p JOIN app_user u ON u.id = p.user_id`)).rows) {
    keys.set(toGlobalId('CompetenceProfile', row.id), `profile:${row.handle}`);
  }
  for (const row of (await pool.query<{ id: string; title: string }>(`SELECT id, title FROM peer_exchange`)).rows) {
    keys.set(toGlobalId('PeerExchange', row.id), `exchange:${slugify(row.title)}`);
  }
  return keys;
}

async function territoryIds(pool: Pool): Promise<Map<string, string>> {
  const rows = (await pool.query<{ id: string; code: string }>(`SELECT id, code FROM territory`)).rows;
  return new Map(rows.map((row) => [row.code, toGlobalId('Territory', row.id)]));
}

function average(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The target on every engine: mean nDCG@10 at least this. */
export const RELEVANCE_TARGET = 0.9;

export function relevanceFailures(results: RelevanceResult[]): string[] {
  return results.flatMap((result) => [
    ...(result.mean < RELEVANCE_TARGET ? [`relevance on ${result.engine}: mean nDCG@10 ${result.mean.toFixed(3)} < ${RELEVANCE_TARGET}`] : []),
    ...result.queries.filter((score) => score.leaked.length > 0).map((score) => `relevance on ${result.engine}: "${score.query}" returned ${score.leaked.join(', ')} to an anonymous reader`),
  ]);
}

export function renderRelevance(results: RelevanceResult[]): string {
  const lines = ['', `Relevance: ${RELEVANCE_QUERIES.length} judged queries on the demo seed, anonymous reader, nDCG@${CUTOFF} (target ≥ ${RELEVANCE_TARGET})`];
  for (const result of results) {
    lines.push(`  ${result.engine}: mean ${result.mean.toFixed(3)}`);
    lines.push(`    by category: ${Object.entries(result.byCategory).map(([category, value]) => `${category} ${value.toFixed(2)}`).join(', ')}`);
    for (const score of result.queries) {
      lines.push(`    ${score.ndcg.toFixed(2)}  ${score.category.padEnd(10)} ${score.query}${score.leaked.length ? `  LEAKED ${score.leaked.join(', ')}` : ''}`);
    }
    for (const failure of relevanceFailures([result])) lines.push(`  FAILED: ${failure}`);
  }
  return `${lines.join('\n')}\n`;
}
