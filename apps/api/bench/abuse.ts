import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { AbuseCounts, AbuseTask } from './abuse-worker';
import { sleep } from './api-process';
import { POST_ADDED } from './fanout';
import { rssOf, spread, type Spread } from './sockets';
import { reply, type SignedIn } from './viewer';

/** The innocent request: what every other client keeps sending while someone abuses the API. */
export const INNOCENT = '{ __typename }';
const INNOCENT_GAP_MS = 10;
const IDLE_MS = 4_000;
const SCENARIO_MS = 6_000;
const RSS_SAMPLE_MS = 20;
const ABUSERS = 4;
const FLOOD_SOCKETS = 500;
const FLOOD_SUBSCRIPTIONS = 20;
const FLOOD_REPLIES = 3;

export interface AbuseScenario {
  name: string;
  /** Abusive operations in flight at once. */
  concurrency: number;
  /** Abusive requests answered (any status) and how many of them were refusals. */
  sent: number;
  refused: number;
  innocent: Spread;
  rssBefore: number;
  rssPeak: number;
  /** What the scenario could open or run against the limits (sockets, subscriptions). */
  note: string;
}

export interface AbuseResult {
  idle: Spread;
  responseCeiling: number;
  /** The same concurrency of an ordinary page, for comparison. */
  control: AbuseScenario;
  scenarios: AbuseScenario[];
}

interface Options {
  apiPid: number;
  graphqlUrl: string;
  wsUrl: string;
  viewer: SignedIn;
  threadGlobalId: string;
  /** An ordinary page, sent at the abusers' concurrency as the control. */
  ordinary: { query: string; variables?: Record<string, unknown> };
  responseCeiling: number;
  progress: (message: string) => void;
}

/**
 * Abuse seen in the wild, each run for a few seconds against the running API
 * while an innocent client keeps asking `{ __typename }`: its latency against
 * the idle API in the same run, and the API's peak memory meanwhile.
 */
export async function measureAbuse(options: Options): Promise<AbuseResult> {
  const { graphqlUrl, threadGlobalId, progress } = options;
  progress('abuse: idle latency of { __typename }…');
  const idle = spread(await innocentWhile(graphqlUrl, sleep(IDLE_MS)));
  const ids = (n: number) => Array<string>(n).fill(threadGlobalId);
  // Ordinary load at the same concurrency first: what any traffic does to the API's memory.
  progress('abuse: control, the ordinary thread list…');
  const control = await httpFlood(options, 'control: thread list page (ordinary)', options.ordinary);
  const scenarios: AbuseScenario[] = [];

  progress('abuse: nodes(ids:) amplification…');
  scenarios.push(
    await httpFlood(options, 'nodes(ids:) × 100 of one thread, posts(first: 100) each', {
      query: `query Amplify($ids: [ID!]!) { nodes(ids: $ids) { ... on Thread { posts(first: 100) { nodes { bodySource } } } } }`,
      variables: { ids: ids(100) },
    }),
  );
  progress('abuse: the largest amplification the cost limit admits…');
  scenarios.push(
    await httpFlood(options, 'nodes(ids:) × 15, posts(first: 100) with both bodies (cost 4,516: admitted, heavy)', {
      query: `query Largest($ids: [ID!]!) { nodes(ids: $ids) { ... on Thread { posts(first: 100) { nodes { bodySource bodyHtml } } } } }`,
      variables: { ids: ids(15) },
    }),
  );
  progress('abuse: alias flood…');
  const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: threads(first: 20) { nodes { title postCount author { displayName } } }`).join(' ');
  scenarios.push(await httpFlood(options, '30 aliases of threads(first: 20) with authors', { query: `query Aliases { ${aliases} }` }));
  progress(`abuse: ${FLOOD_SOCKETS} sockets × ${FLOOD_SUBSCRIPTIONS} subscriptions from one address, then replies…`);
  scenarios.push(await socketFlood(options));
  return { idle, responseCeiling: options.responseCeiling, control, scenarios };
}

/** ABUSERS loops, in their own process, posting `operation` back to back for SCENARIO_MS. */
async function httpFlood(options: Options, name: string, operation: { query: string; variables?: Record<string, unknown> }): Promise<AbuseScenario> {
  const memory = watchMemory(options.apiPid);
  const worker = startWorker({ kind: 'http', url: options.graphqlUrl, body: JSON.stringify(operation), concurrency: ABUSERS, durationMs: SCENARIO_MS });
  const innocent = await innocentWhile(options.graphqlUrl, worker.done);
  const rss = memory.stop();
  return { name, concurrency: ABUSERS, ...(await worker.done), innocent: spread(innocent), ...rss };
}

/** Sockets from one address (in their own process), each asking for as many subscriptions as it may; then replies fan out to them. */
async function socketFlood(options: Options): Promise<AbuseScenario> {
  const memory = watchMemory(options.apiPid);
  const worker = startWorker({
    kind: 'sockets',
    wsUrl: options.wsUrl,
    query: POST_ADDED,
    variables: { t: options.threadGlobalId },
    sockets: FLOOD_SOCKETS,
    subscriptions: FLOOD_SUBSCRIPTIONS,
  });
  try {
    await worker.ready;
    const replies = (async () => {
      for (let i = 0; i < FLOOD_REPLIES; i += 1) {
        await reply(options.graphqlUrl, options.viewer, options.threadGlobalId, `Flood ${i + 1}: un aggiornamento per tutti i presenti.`);
        await sleep(1_500);
      }
    })();
    const innocent = await innocentWhile(options.graphqlUrl, replies);
    const rss = memory.stop();
    worker.stop();
    return {
      name: `${FLOOD_SOCKETS} sockets × ${FLOOD_SUBSCRIPTIONS} postAdded from one address, ${FLOOD_REPLIES} replies`,
      concurrency: FLOOD_SOCKETS,
      ...(await worker.done),
      innocent: spread(innocent),
      ...rss,
    };
  } finally {
    memory.stop();
    worker.stop();
  }
}

/** The abusive clients of one scenario, in a low-priority process (see abuse-worker.ts). */
function startWorker(task: AbuseTask): { ready: Promise<void>; done: Promise<AbuseCounts>; stop(): void } {
  const child = spawn('nice', ['-n', '19', process.execPath, '-r', '@swc-node/register', resolve(__dirname, 'abuse-worker.ts'), JSON.stringify(task)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolveReady) => (ready = resolveReady));
  const done = new Promise<AbuseCounts>((resolveDone, reject) => {
    child.on('message', (message: { ready?: boolean; counts?: AbuseCounts; error?: string }) => {
      if (message.ready) ready();
      if (message.counts) resolveDone(message.counts);
      if (message.error) reject(new Error(`abusive clients: ${message.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`abusive clients exited with code ${code}`)));
  });
  return {
    ready: readyPromise,
    done,
    stop: () => {
      if (child.connected) child.send('stop');
    },
  };
}

/** `{ __typename }` back to back until `until` settles: each request's latency in ms. */
async function innocentWhile(url: string, until: Promise<unknown>): Promise<number[]> {
  let going = true;
  void until.finally(() => (going = false));
  const body = JSON.stringify({ query: INNOCENT });
  const latencies: number[] = [];
  while (going) {
    const startedAt = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await response.text();
    latencies.push(performance.now() - startedAt);
    await sleep(INNOCENT_GAP_MS);
  }
  await until;
  return latencies;
}

/** Samples the API's RSS until stopped: the figure before, and the peak. */
function watchMemory(pid: number): { stop(): { rssBefore: number; rssPeak: number } } {
  const rssBefore = rssOf(pid);
  let rssPeak = rssBefore;
  const timer = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(pid))), RSS_SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      return { rssBefore, rssPeak };
    },
  };
}
