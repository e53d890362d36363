/**
 * Bottega API benchmark (not a test): start-up of the embedded default,
 * GraphQL throughput of the territories list and of the forum pages people
 * open most (a thread, a community's thread list) on a seeded forum, and the
 * fan-out of one reply to many postAdded subscribers; each as a ratio against
 * a baseline measured in the same run. `npm run bench`; BENCH_DURATION,
 * BENCH_WARMUP (seconds), BENCH_CONNECTIONS, BENCH_SUBSCRIBERS and
 * BENCH_SOCKET_BATCH tune it; BENCH_ONLY (comma-separated: fanout, territories,
 * threadPage, threadList, practicePage, webPage, suggestPeers, activityReport, exchangeRegistrations, abuse, search, outbox, relevance) runs some
 * sections only (search seeds 100,000 documents; its figures default to 1 s
 * warm-up + 4 s unless BENCH_WARMUP/BENCH_DURATION say otherwise), and
 * webPage loads the server-rendered practice page in headless Chromium (it builds the
 * web app too), and BENCH_API_NODE_ARGS adds Node flags to the API (e.g. --cpu-prof). All
 * traffic goes to 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLogger } from '@bottega/core';
import { measureRelevance, relevanceFailures, renderRelevance, type RelevanceResult } from './relevance';
import { freePort } from '@bottega/testing';
import { measureAbuse } from './abuse';
import { renderActivityReport, runActivityReport } from './activity-report';
import { renderExchangeRegistrations, runExchangeRegistrations } from './exchange-registrations';
import { ApiProcess, timeBareNode } from './api-process';
import { measureFanout, REPLY_BODY, type FanoutResult } from './fanout';
import { THREAD_LIST_QUERY, runThreadList, runThreadPage, toGlobalId, type PageResult } from './forum-pages';
import { seedForum } from './forum-seed';
import { sqlStatementsPerRequest, type LoadOptions } from './http-load';
import { describeMachine, machineLine } from './machine';
import { measureOutbox } from './outbox';
import { runSuggestPeers } from './peers';
import { seedPeers } from './peers-seed';
import { runPracticePage } from './practice-page';
import { measureWebPage, renderWebPage } from './web-page';
import { seedPractices } from './practice-seed';
import { measureSearch } from './search';
import { createPool, serverVersion } from './sql-load';
import { assertFileLimit } from './sockets';
import { median } from './stats';
import { figureFailures, renderSummary, type Summary } from './summary';
import { runTerritories } from './territories';
import { registerViewer, signedInReaders } from './viewer';
import { measureBroadcast, type BroadcastResult } from './ws-baseline';

const ROOT = resolve(__dirname, '../../..');
const FIRST_START_TIMEOUT_MS = 180_000;
const WARM_START_TIMEOUT_MS = 60_000;
const BARE_NODE_RUNS = 5;
/** The API's default GRAPHQL_MAX_RESPONSE_BYTES, set explicitly so the abuse figures can be held to it. */
const RESPONSE_CEILING = 4 * 1024 * 1024;
const SECTIONS = ['fanout', 'territories', 'threadPage', 'threadList', 'practicePage', 'webPage', 'suggestPeers', 'activityReport', 'exchangeRegistrations', 'abuse', 'search', 'outbox', 'relevance'] as const;
type Section = (typeof SECTIONS)[number];
/** The whole run, as a last resort against anything unbounded. */
const RUN_TIMEOUT_MS = 15 * 60_000;

/** Run once, from `finally` or from a signal, whichever comes first. */
const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  for (const task of cleanups.splice(0).reverse()) {
    try {
      await task();
    } catch (error) {
      progress(`cleanup step failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

async function main(): Promise<void> {
  const load: LoadOptions = {
    connections: envInt('BENCH_CONNECTIONS', 10, 1, 1_000),
    durationS: envInt('BENCH_DURATION', 10, 1, 600),
    warmupS: envInt('BENCH_WARMUP', 2, 1, 60),
  };
  const subscribers = envInt('BENCH_SUBSCRIBERS', 2_000, 1, 50_000);
  const socketBatch = envInt('BENCH_SOCKET_BATCH', 200, 1, 5_000);
  const only = sections();
  const runs = (section: Section) => only.has(section);
  const fileLimit = runs('fanout') ? assertFileLimit(subscribers) : 'no fan-out in this run';
  const stops: string[] = [];
  // Other work on the machine skews every figure; show how busy it was.
  const loadBefore = loadavg()[0] ?? Number.NaN;

  progress('building (npm run build)…');
  build(runs('webPage'));

  progress(`baseline: node -e "0", ${BARE_NODE_RUNS} runs…`);
  const bareRuns: number[] = [];
  for (let i = 0; i < BARE_NODE_RUNS; i += 1) bareRuns.push(await timeBareNode());
  const bareNode = median(bareRuns);

  const pgDataDir = mkdtempSync(join(tmpdir(), 'bottega-bench-pg-'));
  cleanups.push(() => rmSync(pgDataDir, { recursive: true, force: true }));
  const [port, pgPort] = await twoFreePorts();
  const jwtSecret = randomBytes(32).toString('hex');
  const metricsToken = randomBytes(16).toString('hex');
  const options = {
    cwd: ROOT,
    port,
    database: { pgPort, pgDataDir },
    // The fan-out's subscribers arrive through X-Forwarded-For from many addresses, as behind a proxy.
    env: {
      TRUST_PROXY: 'true',
      GRAPHQL_MAX_RESPONSE_BYTES: String(RESPONSE_CEILING),
      // Known to the bench, which signs its readers' tokens with it.
      JWT_SECRET: jwtSecret,
      // The fan-out reads how many subscription results were shared from /metrics.
      METRICS_TOKEN: metricsToken,
    },
    nodeArgs: (process.env['BENCH_API_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
  };

  let api: ApiProcess | null = null;
  cleanups.push(async () => {
    if (api) stops.push(`after warm start and load: ${await api.stop()}`);
    api = null;
  });

  progress(`first start (initdb, migrations; production seeds no demo) in ${pgDataDir}…`);
  const first = await ApiProcess.start(options, FIRST_START_TIMEOUT_MS);
  api = first.api;
  const firstStop = await first.api.stop();
  api = null;
  stops.push(`after first start: ${firstStop}`);

  progress('warm start (same data directory)…');
  const warm = await ApiProcess.start(options, WARM_START_TIMEOUT_MS);
  api = warm.api;
  const graphqlUrl = `${warm.api.baseUrl}/graphql`;

  const databaseUrl = `postgres://postgres:bottega@127.0.0.1:${pgPort}/bottega`;
  const pool = createPool(databaseUrl);
  cleanups.push(() => pool.end());
  const postgres = await serverVersion(pool);

  progress('signing a viewer in (register), then seeding the forum with set-based SQL…');
  const viewer = await registerViewer(graphqlUrl);
  const seed = await seedForum(pool, viewer.userId);
  progress(`seeded ${seed.counts.posts} posts in ${(seed.ms / 1_000).toFixed(1)} s (+ ${(seed.vacuumMs / 1_000).toFixed(1)} s VACUUM ANALYZE)`);
  const threadGlobalId = toGlobalId('Thread', seed.hotThreadId);
  const ids = { threadId: seed.hotThreadId, viewerId: viewer.userId, accessToken: viewer.accessToken };

  // The API under load runs as deployed, without counting statements per request (the count's
  // AsyncLocalStorage costs every promise on Node 20): a second API on the same database counts
  // them. It starts when first needed, after the fan-out, which counts its statements database-wide.
  let counter: Promise<ApiProcess> | null = null;
  cleanups.push(async () => {
    const started = await counter?.catch(() => null);
    counter = null;
    await started?.stop();
  });
  const countingUrl = async (): Promise<string> => {
    counter ??= ApiProcess.start(
      {
        ...options,
        port: await freePort(),
        database: { url: databaseUrl },
        env: { ...options.env, EXPOSE_SQL_STATEMENT_COUNT: 'true', SEARCH_INDEX_IN_PROCESS: 'false' },
        nodeArgs: [],
      },
      WARM_START_TIMEOUT_MS,
    ).then(({ api }) => api);
    return `${(await counter).baseUrl}/graphql`;
  };

  const apiPid = warm.api.pid;
  if (apiPid === undefined) throw new Error('the API has no pid');
  let broadcast: BroadcastResult | null = null;
  let fanout: FanoutResult | null = null;
  if (runs('fanout')) {
    progress(`fan-out baseline: ${subscribers} plain ws sockets, one broadcast…`);
    const message = JSON.stringify({
      id: '00000000-0000-4000-8000-000000000000',
      type: 'next',
      payload: { data: { postAdded: { id: toGlobalId('Post', '00000000-0000-4000-8000-000000000000'), bodyHtml: `<p>${REPLY_BODY}</p>`, author: { displayName: 'Bench Viewer' } } } },
    });
    broadcast = await measureBroadcast(subscribers, socketBatch, message);
    progress(`fan-out: ${subscribers} graphql-ws subscribers, ${socketBatch} sockets at a time…`);
    fanout = await measureFanout({
      apiPid,
      wsUrl: `ws://127.0.0.1:${port}/graphql`,
      graphqlUrl,
      statementsOf: async (body) => (await sqlStatementsPerRequest(await countingUrl(), body, {}, 1))[0] ?? Number.NaN,
      metrics: { url: `${warm.api.baseUrl}/metrics`, token: metricsToken },
      pool,
      viewer,
      threadGlobalId,
      subscribers,
      batch: socketBatch,
      tokens: await signedInReaders(pool, jwtSecret, Math.floor(subscribers / 2)),
      progress,
    });
  }

  // After the fan-out, whose memory figure wants an API that has not served heavy HTTP load yet.
  const pages: PageResult[] = [];
  load.apiPid = apiPid;
  const COUNTED: Section[] = ['territories', 'threadPage', 'threadList', 'practicePage', 'suggestPeers', 'activityReport'];
  if (COUNTED.some(runs)) load.statementsUrl = await countingUrl();
  if (runs('territories')) pages.push(await runTerritories(pool, graphqlUrl, load, progress));
  if (runs('threadPage')) pages.push(await runThreadPage(pool, graphqlUrl, ids, load, progress));
  if (runs('threadList')) pages.push(await runThreadList(pool, graphqlUrl, seed.hotCommunityId, load, progress));
  let webPage: Awaited<ReturnType<typeof measureWebPage>> | null = null;
  if (runs('practicePage') || runs('webPage')) {
    progress('seeding the knowledge base (practices, adoptions, comments) with set-based SQL…');
    const practices = await seedPractices(pool, viewer.userId);
    progress(`seeded ${Object.entries(practices.counts).map(([name, n]) => `${n} ${name}`).join(', ')} in ${(practices.ms / 1_000).toFixed(1)} s (+ ${(practices.vacuumMs / 1_000).toFixed(1)} s VACUUM ANALYZE)`);
    const practicePage = { slug: practices.hotSlug, viewerId: viewer.userId, accessToken: viewer.accessToken, linkedThreads: practices.linkedThreads };
    if (runs('practicePage')) pages.push(await runPracticePage(pool, graphqlUrl, practicePage, load, progress));
    if (runs('webPage')) webPage = await measureWebPage({ baseUrl: warm.api.baseUrl, slug: practices.hotSlug, progress });
  }
  if (runs('suggestPeers')) {
    progress('seeding people (profiles, competences, endorsements, territories) and their practices with set-based SQL…');
    const peers = await seedPeers(pool);
    progress(`seeded ${Object.entries(peers.counts).map(([name, n]) => `${n} ${name}`).join(', ')} in ${(peers.ms / 1_000).toFixed(1)} s (+ ${(peers.vacuumMs / 1_000).toFixed(1)} s VACUUM ANALYZE)`);
    pages.push(await runSuggestPeers(pool, graphqlUrl, viewer, load, progress));
  }
  const activity = runs('activityReport') ? await runActivityReport(pool, warm.api.baseUrl, load.statementsUrl, viewer, progress) : null;
  const registrations = runs('exchangeRegistrations') ? await runExchangeRegistrations({ pool, graphqlUrl, jwtSecret, progress }) : null;
  const abuse = runs('abuse')
    ? await measureAbuse({
        apiPid,
        graphqlUrl,
        wsUrl: `ws://127.0.0.1:${port}/graphql`,
        viewer,
        threadGlobalId,
        ordinary: { query: THREAD_LIST_QUERY, variables: { c: toGlobalId('Community', seed.hotCommunityId) } },
        responseCeiling: RESPONSE_CEILING,
        progress,
      })
    : null;
  const search = runs('search')
    ? await measureSearch({
        pool,
        graphqlUrl,
        apiPid,
        // Twelve figures: shorter than the others' unless asked, so the section stays within a few minutes.
        load: { durationS: envInt('BENCH_DURATION', 4, 1, 600), warmupS: envInt('BENCH_WARMUP', 1, 1, 60) },
        progress,
      })
    : null;
  // Last: its writes add posts to the seeded threads the page figures read.
  const outbox = runs('outbox')
    ? await measureOutbox({
        databaseUrl,
        pool,
        authorId: viewer.userId,
        legSeconds: Math.max(2, Math.round(load.durationS / 2)),
        logger: createLogger({ level: 'warn' }),
        progress,
      })
    : null;
  const apiLog = [first.api, warm.api].map((process) => ({ lines: process.outputLines, tail: process.recentOutput() }));

  await cleanUp();

  // On an API of its own, the demo seed's, once the load above is over.
  const relevance: RelevanceResult[] = [];
  if (runs('relevance')) {
    relevance.push(await measureRelevance({ cwd: ROOT, ports: await twoFreePorts(), engine: 'postgres', progress }));
    const meiliHost = process.env['MEILI_HOST'];
    if (meiliHost) {
      const env = { MEILI_HOST: meiliHost, ...(process.env['MEILI_API_KEY'] ? { MEILI_API_KEY: process.env['MEILI_API_KEY'] } : {}) };
      relevance.push(await measureRelevance({ cwd: ROOT, ports: await twoFreePorts(), engine: 'meilisearch', env, progress }));
    }
  }

  const summary: Summary = {
    machine: machineLine(describeMachine(postgres)),
    loadBefore,
    loadAfter: loadavg()[0] ?? Number.NaN,
    load,
    startup: { bareNode, bareRuns: BARE_NODE_RUNS, first: first.readyMs, warm: warm.readyMs },
    pages,
    seed,
    broadcast,
    fanout,
    abuse,
    outbox,
    search,
    socketBatch,
    fileLimit,
    stops,
    apiLog,
    failures: [],
  };
  summary.failures = [
    ...figureFailures(summary),
    ...stops.filter((stop) => !stop.endsWith(': exited with code 0')).map((stop) => `API on SIGTERM, ${stop}`),
  ];
  process.stdout.write(renderSummary(summary));
  if (webPage) process.stdout.write(renderWebPage(webPage));
  if (activity) process.stdout.write(renderActivityReport(activity));
  if (registrations) process.stdout.write(renderExchangeRegistrations(registrations));
  if (relevance.length) process.stdout.write(renderRelevance(relevance));
  summary.failures.push(...relevanceFailures(relevance));
  if (summary.failures.length) process.exitCode = 1;
}

/** BENCH_ONLY's sections, or all of them. */
function sections(): Set<Section> {
  const raw = process.env['BENCH_ONLY'];
  if (raw === undefined || raw.trim() === '') return new Set(SECTIONS);
  const names = raw.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`BENCH_ONLY names unknown sections (${unknown.join(', ')}); known: ${SECTIONS.join(', ')}`);
  return new Set(names as Section[]);
}

/** The API, and the web app when a section loads its pages. */
function build(web: boolean): void {
  for (const script of web ? ['build', 'build:web'] : ['build']) {
    const result = spawnSync('npm', ['run', script, '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    if (result.status !== 0) {
      throw new Error(`npm run ${script} failed (${result.error?.message ?? `code ${result.status}`}):\n${result.stdout}${result.stderr}`);
    }
  }
}

async function twoFreePorts(): Promise<[number, number]> {
  const first = await freePort();
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const second = await freePort();
    if (second !== first) return [first, second];
  }
  throw new Error('could not find two free ports');
}

function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  return value;
}

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping the API and cleaning up…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const watchdog = setTimeout(() => {
  progress(`still running after ${RUN_TIMEOUT_MS / 60_000} min: giving up, stopping the API and cleaning up…`);
  process.exitCode = 1;
  void cleanUp().finally(() => process.exit(1));
}, RUN_TIMEOUT_MS);
watchdog.unref();

main()
  .catch((error: unknown) => {
    process.exitCode = 1;
    process.stderr.write(`\nbenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  })
  .finally(cleanUp);
