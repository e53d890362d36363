/**
 * Bottega API benchmark (not a test): start-up of the embedded default and
 * GraphQL throughput, each as a ratio against a baseline measured in the same
 * run. `npm run bench`; BENCH_DURATION, BENCH_WARMUP (seconds) and
 * BENCH_CONNECTIONS tune the load. All traffic goes to 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@bottega/testing';
import { ApiProcess, timeBareNode } from './api-process';
import { postGraphQL, runHttpLoad, type LoadOptions } from './http-load';
import { describeMachine, machineLine } from './machine';
import { count, ms, ratio, table } from './report';
import { createPool, pageAndCount, POOL_SIZE, runSqlLoad, serverVersion } from './sql-load';
import { median } from './stats';

const ROOT = resolve(__dirname, '../../..');
const QUERY = 'query Bench { territories(first: 20) { totalCount nodes { id code name level } } }';
const FIRST_START_TIMEOUT_MS = 180_000;
const WARM_START_TIMEOUT_MS = 60_000;
const BARE_NODE_RUNS = 5;

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
  const stops: string[] = [];
  // Other work on the machine skews every figure; show how busy it was.
  const loadBefore = loadavg()[0] ?? Number.NaN;

  progress('building (npm run build)…');
  build();

  progress(`baseline: node -e "0", ${BARE_NODE_RUNS} runs…`);
  const bareRuns: number[] = [];
  for (let i = 0; i < BARE_NODE_RUNS; i += 1) bareRuns.push(await timeBareNode());
  const bareNode = median(bareRuns);

  const pgDataDir = mkdtempSync(join(tmpdir(), 'bottega-bench-pg-'));
  cleanups.push(() => rmSync(pgDataDir, { recursive: true, force: true }));
  const [port, pgPort] = await twoFreePorts();
  const options = { cwd: ROOT, port, pgPort, pgDataDir };

  let api: ApiProcess | null = null;
  cleanups.push(async () => {
    if (api) stops.push(`after warm start and load: ${await api.stop()}`);
    api = null;
  });

  progress(`first start (initdb, migrations, demo seed) in ${pgDataDir}…`);
  const first = await ApiProcess.start(options, FIRST_START_TIMEOUT_MS);
  api = first.api;
  const firstStop = await first.api.stop();
  api = null;
  stops.push(`after first start: ${firstStop}`);

  progress('warm start (same data directory)…');
  const warm = await ApiProcess.start(options, WARM_START_TIMEOUT_MS);
  api = warm.api;

  const graphqlUrl = `${warm.api.baseUrl}/graphql`;
  const body = JSON.stringify({ query: QUERY, operationName: 'Bench' });
  const totalCount = checkTerritories(await postGraphQL(graphqlUrl, body));

  const pool = createPool(`postgres://postgres:bottega@127.0.0.1:${pgPort}/bottega`);
  cleanups.push(() => pool.end());
  const postgres = await serverVersion(pool);
  const direct = await pageAndCount(pool);
  if (direct.count !== totalCount || direct.rows !== Math.min(21, direct.count)) {
    throw new Error(`raw SQL disagrees with the API: ${direct.rows} rows, count ${direct.count}; API totalCount ${totalCount}`);
  }

  progress(`raw SQL baseline: ${load.connections} workers, pg.Pool(${POOL_SIZE}), ${load.warmupS} s warm-up + ${load.durationS} s…`);
  const sql = await runSqlLoad(pool, load);
  progress(`GraphQL API: ${load.connections} connections, ${load.warmupS} s warm-up + ${load.durationS} s…`);
  const http = await runHttpLoad(graphqlUrl, body, load);
  const apiLog = [first.api, warm.api].map((api) => ({ lines: api.outputLines, tail: api.recentOutput() }));

  await cleanUp();

  const failures = [
    http.non2xx && `${http.non2xx} non-2xx responses`,
    http.errors && `${http.errors} request errors (${http.timeouts} timeouts)`,
    http.mismatches && `${http.mismatches} responses with GraphQL errors`,
    sql.errors && `${sql.errors} raw SQL errors`,
    http.requests === 0 && 'no API request completed',
    ...stops.filter((stop) => !stop.endsWith(': exited with code 0')).map((stop) => `API on SIGTERM, ${stop}`),
  ].filter((failure): failure is string => typeof failure === 'string');

  const out = [
    '',
    'Bottega API benchmark',
    `  machine  ${machineLine(describeMachine(postgres))}; 1-min load average before the run ${loadBefore.toFixed(2)}`,
    `  load     ${load.connections} concurrent, ${load.warmupS} s warm-up + ${load.durationS} s measured, 127.0.0.1; territories(first: 20), totalCount ${totalCount}`,
    '',
    'Start-up: spawn → GET /health 200',
    table(
      ['', 'ms', '× node -e "0"'],
      [
        [`node -e "0" (baseline, median of ${BARE_NODE_RUNS})`, ms(bareNode), ratio(1)],
        ['first start: initdb + migrations + seed', ms(first.readyMs), ratio(first.readyMs / bareNode)],
        ['warm start: same data directory', ms(warm.readyMs), ratio(warm.readyMs / bareNode)],
      ],
    ),
    '',
    'Throughput: one op = page + count',
    table(
      ['', 'ops/s', 'p50 ms', 'p99 ms', 'ops', 'non-2xx', 'errors'],
      [
        [`raw SQL, pg.Pool(${POOL_SIZE}) (baseline)`, count(sql.opsPerSec), ms(sql.latency.p50), ms(sql.latency.p99), count(sql.ops), '-', String(sql.errors)],
        ['GraphQL API over HTTP', count(http.opsPerSec), ms(http.latency.p50), ms(http.latency.p99), count(http.requests), String(http.non2xx), String(http.errors + http.mismatches)],
        ['API ÷ raw SQL', ratio(http.opsPerSec / sql.opsPerSec), ratio(http.latency.p50 / sql.latency.p50), ratio(http.latency.p99 / sql.latency.p99), '', '', ''],
      ],
    ),
    '',
    `SIGTERM → exit: ${stops.join('; ')}`,
    `API log lines at warn or above: first run ${apiLog[0]?.lines}, warm run ${apiLog[1]?.lines}`,
    ...apiLog.filter((log) => log.lines > 0).map((log) => log.tail),
    ...failures.map((failure) => `FAILED: ${failure}`),
    '',
  ];
  process.stdout.write(out.join('\n'));
  if (failures.length) process.exitCode = 1;
}

function build(): void {
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (${result.error?.message ?? `code ${result.status}`}):\n${result.stdout}${result.stderr}`);
  }
}

/** The page the query asked for, checked; returns its totalCount. */
function checkTerritories(data: unknown): number {
  const connection = (data as { territories?: { totalCount?: unknown; nodes?: unknown } }).territories;
  const nodes = connection?.nodes;
  const totalCount = connection?.totalCount;
  if (typeof totalCount !== 'number' || !Array.isArray(nodes) || nodes.length !== Math.min(20, totalCount) || totalCount === 0) {
    throw new Error(`unexpected territories answer: ${JSON.stringify(data).slice(0, 300)}`);
  }
  return totalCount;
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

main()
  .catch((error: unknown) => {
    process.exitCode = 1;
    process.stderr.write(`\nbenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  })
  .finally(cleanUp);
