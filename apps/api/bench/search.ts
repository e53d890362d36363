import type { Pool } from 'pg';
import { toGlobalId } from './forum-pages';
import { cpuMsOf } from './http-load';
import {
  SEARCH_SEED_SIZE,
  compareWithIndexer,
  documentCount,
  drainThroughOutbox,
  fillIndex,
  seedSearchCorpus,
  splitSubjects,
  vacuumAnalyze,
  type IndexDrain,
  type IndexFill,
  type SeededSearch,
} from './search-seed';

/** Faceted search at 100,000 documents on the 2-core reference machine, one reader: p95 under this. */
export const FACETED_P95_TARGET_MS = 50;
/** Concurrencies each query is measured at. */
export const SEARCH_CONCURRENCY = [1, 8] as const;
/** The drain is given this long before the bench gives up on the indexer. */
const DRAIN_TIMEOUT_MS = 180_000;
/** Documents of each kind of the burst rebuilt by the fill's SQL and compared with the indexer's. */
const COMPARED_PER_KIND = 300;
const FIRST = 10;
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };
/** A search slower than this counts as an error. */
const REQUEST_TIMEOUT_MS = 120_000;

const SEARCH_QUERY = `query Search($query: String!, $filter: SearchFilterInput, $facets: Boolean!) {
  search(query: $query, filter: $filter, first: ${FIRST}) {
    totalCount processingTimeMs engine
    pageInfo { hasNextPage endCursor }
    edges { cursor highlight { title snippet }
      node { __typename ... on Practice { id slug title kind } ... on Thread { id title } ... on Post { id } } }
    facets @include(if: $facets) { types { type count } territories { count territory { code name } } tags { value count } } } }`;

/** The baseline: GraphQL over HTTP with nothing to resolve. */
const BASELINE_QUERY = '{ __typename }';

interface SearchCase {
  name: string;
  query: string;
  /** Territory codes and types the filter narrows to. */
  filter?: { territories: string[]; types: string[] };
  facets: boolean;
}

const CASES: SearchCase[] = [
  { name: 'single word: "anziani"', query: 'anziani', facets: false },
  { name: 'multi-word: "anziani soli quartiere"', query: 'anziani soli quartiere', facets: false },
  { name: 'typo: "anzaini soli"', query: 'anzaini soli', facets: false },
  { name: 'typo: "cooperativa socilae"', query: 'cooperativa socilae', facets: false },
  { name: 'faceted: "anziani soli", Milano, practices', query: 'anziani soli', filter: { territories: ['IT-MI'], types: ['PRACTICE'] }, facets: true },
];
export const FACETED_CASE = CASES[CASES.length - 1]?.name ?? '';
/** The case the target is set for is measured this many times longer, so that its p95 rests on a few hundred answers. */
export const FACETED_DURATION_FACTOR = 3;

export interface SearchLatency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

export interface SearchLoadResult {
  connections: number;
  opsPerSec: number;
  latency: SearchLatency;
  requests: number;
  non2xx: number;
  errors: number;
  mismatches: number;
  cpuMsPerRequest: number | null;
}

export interface SearchFigure {
  name: string;
  /** What the first request answered: hits in all, on the page, and the engine's own time. */
  totalCount: number;
  pageHits: number;
  processingTimeMs: number;
  loads: SearchLoadResult[];
}

export interface SearchResult {
  seed: SeededSearch;
  documents: { total: number; practices: number; threads: number; replies: number };
  drain: IndexDrain;
  fill: IndexFill;
  compared: number;
  vacuumMs: number;
  /** Index size on disk (table, TOAST and indexes). */
  indexBytes: number;
  load: { durationS: number; warmupS: number };
  baseline: SearchFigure;
  figures: SearchFigure[];
}

/**
 * Search on the PostgreSQL engine at 100,000 documents: the corpus seeded
 * through the real tables, one item in ten indexed by the running API's
 * indexer through the outbox (its throughput), the rest by SQL that is
 * checked against the indexer's documents; then each query, anonymous, over
 * GraphQL at each concurrency, against `{ __typename }` at the same one.
 */
export async function measureSearch(options: {
  pool: Pool;
  graphqlUrl: string;
  apiPid: number;
  load: { durationS: number; warmupS: number };
  progress: (message: string) => void;
}): Promise<SearchResult> {
  const { pool, graphqlUrl, apiPid, load, progress } = options;
  const size = SEARCH_SEED_SIZE;
  progress(
    `search: seeding ${size.practices.toLocaleString('en-US')} practices and ${size.threads.toLocaleString('en-US')} threads of ${size.postsPerThread} posts ` +
      `(Italian text from a Zipf-weighted vocabulary) with set-based SQL…`,
  );
  const seed = await seedSearchCorpus(pool, size);
  const { burst, rest } = splitSubjects(seed.subjects, size.burstEvery);
  progress(`search: seeded in ${(seed.ms / 1_000).toFixed(1)} s; indexing ${documentCount(rest).toLocaleString('en-US')} documents with INSERT … SELECT…`);
  const fill = await fillIndex(pool, rest, seed.texts);
  const settleMs = await vacuumAnalyze(pool, 'search_document');
  progress(`search: filled in ${(fill.ms / 1_000).toFixed(1)} s (+ ${(settleMs / 1_000).toFixed(1)} s VACUUM ANALYZE); outbox burst of ${documentCount(burst).toLocaleString('en-US')} changes to the API's indexer…`);
  const drain = await drainThroughOutbox(pool, burst, DRAIN_TIMEOUT_MS);
  progress(`search: indexer drained the burst in ${(drain.drainedMs / 1_000).toFixed(1)} s; comparing the fill's documents with the indexer's, then VACUUM ANALYZE…`);
  const compared = await compareWithIndexer(pool, burst, COMPARED_PER_KIND);
  const vacuumMs = await vacuumAnalyze(pool);
  const [stats] = (await pool.query<{ total: number; practices: number; threads: number; replies: number; bytes: string }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE type = 'Practice')::int AS practices, count(*) FILTER (WHERE type = 'Thread')::int AS threads,
            count(*) FILTER (WHERE type = 'Post')::int AS replies, pg_total_relation_size('search_document') AS bytes
       FROM search_document`,
  )).rows;
  if (!stats) throw new Error('search index: no counts');

  const territoryIds = await territoryGlobalIds(pool);
  progress(`search: baseline and ${CASES.length} queries, at ${SEARCH_CONCURRENCY.join(' and ')} connections, ${load.warmupS} s warm-up + ${load.durationS} s each…`);
  const baselineBody = JSON.stringify({ query: BASELINE_QUERY });
  await postOnce(graphqlUrl, baselineBody);
  const baseline: SearchFigure = { name: '{ __typename } (baseline)', totalCount: 0, pageHits: 0, processingTimeMs: 0, loads: [] };
  const figures: SearchFigure[] = [];
  const bodies: string[] = [];
  const firstMs: number[] = [];
  for (const searchCase of CASES) {
    const filter = searchCase.filter
      ? {
          territoryIds: searchCase.filter.territories.map((code) => {
            const id = territoryIds.get(code);
            if (!id) throw new Error(`search: no territory ${code}`);
            return id;
          }),
          types: searchCase.filter.types,
        }
      : null;
    const body = JSON.stringify({ query: SEARCH_QUERY, operationName: 'Search', variables: { query: searchCase.query, filter, facets: searchCase.facets } });
    const started = performance.now();
    const answer = await postOnce(graphqlUrl, body);
    firstMs.push(performance.now() - started);
    figures.push({ name: searchCase.name, ...checkAnswer(searchCase, answer), loads: [] });
    bodies.push(body);
  }
  // Concurrency outermost, the baseline first at each: the figures of one concurrency are measured close together.
  for (const connections of SEARCH_CONCURRENCY) {
    baseline.loads.push(await runLoad(graphqlUrl, baselineBody, { connections, ...load, apiPid }));
    for (const [index, searchCase] of CASES.entries()) {
      progress(`search: ${searchCase.name}, ${connections} connection${connections === 1 ? '' : 's'}…`);
      const skipWarmup = (firstMs[index] ?? 0) > load.warmupS * 1_000;
      const durationS = searchCase.name === FACETED_CASE ? load.durationS * FACETED_DURATION_FACTOR : load.durationS;
      figures[index]?.loads.push(await runLoad(graphqlUrl, bodies[index] ?? '', { connections, ...load, durationS, apiPid, skipWarmup }));
    }
  }
  return {
    seed,
    documents: { total: stats.total, practices: stats.practices, threads: stats.threads, replies: stats.replies },
    drain,
    fill,
    compared,
    vacuumMs,
    indexBytes: Number(stats.bytes),
    load,
    baseline,
    figures,
  };
}

/** Failures the search figures reveal: errors, GraphQL errors, no completed request. */
export function searchFailures(result: SearchResult | null): string[] {
  if (!result) return [];
  return [result.baseline, ...result.figures].flatMap((figure) =>
    figure.loads.flatMap((load) =>
      [
        load.non2xx && `search ${figure.name} at ${load.connections}: ${load.non2xx} non-2xx responses`,
        load.errors && `search ${figure.name} at ${load.connections}: ${load.errors} request errors`,
        load.mismatches && `search ${figure.name} at ${load.connections}: ${load.mismatches} responses with GraphQL errors`,
        load.requests === 0 && `search ${figure.name} at ${load.connections}: no request completed`,
      ].filter((failure): failure is string => typeof failure === 'string'),
    ),
  );
}

interface SearchAnswer {
  search?: {
    totalCount?: number;
    processingTimeMs?: number;
    engine?: string;
    edges?: { highlight?: { title?: string; snippet?: string }; node?: { __typename?: string } }[];
    facets?: { types?: { type: string }[]; territories?: { territory?: { code?: string } }[] };
  };
}

/** The first answer, checked as a reader would: hits with marked words, from the PostgreSQL engine; filtered and faceted as asked. */
function checkAnswer(searchCase: SearchCase, data: unknown): Pick<SearchFigure, 'totalCount' | 'pageHits' | 'processingTimeMs'> {
  const search = (data as SearchAnswer).search;
  const edges = search?.edges ?? [];
  const fail = (why: string) => new Error(`search ${searchCase.name}: ${why}: ${JSON.stringify(data).slice(0, 600)}`);
  if (search?.engine !== 'postgres') throw fail('not answered by the postgres engine');
  if (!search.totalCount || edges.length !== Math.min(FIRST, search.totalCount)) throw fail('no hits, or not a full page');
  if (!edges.every((edge) => `${edge.highlight?.title ?? ''}${edge.highlight?.snippet ?? ''}`.includes('<mark>'))) throw fail('a hit without a marked word');
  if (searchCase.filter) {
    const types = searchCase.filter.types.map((type) => type.charAt(0) + type.slice(1).toLowerCase());
    if (!edges.every((edge) => types.includes(edge.node?.__typename ?? ''))) throw fail('a hit of another type than the filter’s');
  }
  if (searchCase.facets) {
    const codes = (search.facets?.territories ?? []).map((facet) => facet.territory?.code);
    if (!search.facets?.types?.length || !searchCase.filter?.territories.every((code) => codes.includes(code))) throw fail('facets missing the filtered territory');
  }
  return { totalCount: search.totalCount, pageHits: edges.length, processingTimeMs: search.processingTimeMs ?? Number.NaN };
}

async function territoryGlobalIds(pool: Pool): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ id: string; code: string }>(`SELECT id, code FROM territory`);
  return new Map(rows.map((row) => [row.code, toGlobalId('Territory', row.id)]));
}

/**
 * `connections` clients, each POSTing `body` back to back, for the duration
 * after a warm-up; a request under way when time is up is waited for and
 * counted, so a query slower than the duration still gives figures. The
 * baseline goes through the same client, so the ratios hold its overhead
 * on both sides.
 */
async function runLoad(
  url: string,
  body: string,
  options: { connections: number; durationS: number; warmupS: number; apiPid: number; skipWarmup?: boolean },
): Promise<SearchLoadResult> {
  const counts = { non2xx: 0, errors: 0, mismatches: 0 };
  const latencies: number[] = [];
  const phase = async (seconds: number, record: boolean) => {
    const end = performance.now() + seconds * 1_000;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (performance.now() < end) {
          const started = performance.now();
          try {
            const response = await fetch(url, { method: 'POST', headers: JSON_HEADERS, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
            const text = await response.text();
            if (!record) continue;
            if (!response.ok) counts.non2xx += 1;
            else if (!text.startsWith('{"data":') || text.includes('"errors":')) counts.mismatches += 1;
            else latencies.push(performance.now() - started);
          } catch {
            if (record) counts.errors += 1;
          }
        }
      }),
    );
  };
  // A query slower than the warm-up has nothing left to warm (the check request ran it): waiting would only double its time.
  if (!options.skipWarmup) await phase(options.warmupS, false);
  const cpuFrom = cpuMsOf(options.apiPid);
  const startedAt = performance.now();
  await phase(options.durationS, true);
  const elapsedS = (performance.now() - startedAt) / 1_000;
  const requests = latencies.length + counts.non2xx + counts.mismatches;
  return {
    connections: options.connections,
    opsPerSec: latencies.length / elapsedS,
    latency: percentiles(latencies),
    requests,
    ...counts,
    cpuMsPerRequest: requests > 0 ? (cpuMsOf(options.apiPid) - cpuFrom) / requests : null,
  };
}

/** One request up front, with room for a slow answer: fails loudly on GraphQL errors, returns `data`. */
async function postOnce(url: string, body: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: JSON_HEADERS, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await response.text();
  const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || parsed.errors?.length || !parsed.data) throw new Error(`GraphQL query failed (HTTP ${response.status}): ${text.slice(0, 500)}`);
  return parsed.data;
}

/** Nearest-rank percentiles, in milliseconds. */
function percentiles(latenciesMs: number[]): SearchLatency {
  const sorted = Float64Array.from(latenciesMs).sort();
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  return { p50: rank(0.5), p95: rank(0.95), p99: rank(0.99), max: sorted[sorted.length - 1] ?? Number.NaN, count: sorted.length };
}
