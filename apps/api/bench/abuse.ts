import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
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
  scenarios: AbuseScenario[];
}

interface Options {
  apiPid: number;
  graphqlUrl: string;
  wsUrl: string;
  viewer: SignedIn;
  threadGlobalId: string;
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
  const scenarios: AbuseScenario[] = [];
  const ids = (n: number) => Array<string>(n).fill(threadGlobalId);

  progress('abuse: nodes(ids:) amplification…');
  scenarios.push(
    await httpFlood(options, 'nodes(ids:) × 100 of one thread, posts(first: 100) each', {
      query: `query Amplify($ids: [ID!]!) { nodes(ids: $ids) { ... on Thread { posts(first: 100) { nodes { bodySource } } } } }`,
      variables: { ids: ids(100) },
    }),
  );
  progress('abuse: the largest response the cost limit admits…');
  scenarios.push(
    await httpFlood(options, 'nodes(ids:) × 60, posts(first: 100) with both bodies (admitted; stopped at the byte ceiling)', {
      query: `query Largest($ids: [ID!]!) { nodes(ids: $ids) { ... on Thread { posts(first: 100) { nodes { bodySource bodyHtml } } } } }`,
      variables: { ids: ids(60) },
    }),
  );
  progress('abuse: alias flood…');
  const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: threads(first: 20) { nodes { title postCount author { displayName } } }`).join(' ');
  scenarios.push(await httpFlood(options, '30 aliases of threads(first: 20) with authors', { query: `query Aliases { ${aliases} }` }));
  progress(`abuse: ${FLOOD_SOCKETS} sockets × ${FLOOD_SUBSCRIPTIONS} subscriptions from one address, then replies…`);
  scenarios.push(await socketFlood(options));
  return { idle, responseCeiling: options.responseCeiling, scenarios };
}

/** ABUSERS loops posting `operation` back to back for SCENARIO_MS. */
async function httpFlood(options: Options, name: string, operation: { query: string; variables?: Record<string, unknown> }): Promise<AbuseScenario> {
  const body = JSON.stringify(operation);
  let sent = 0;
  let refused = 0;
  const memory = watchMemory(options.apiPid);
  const deadline = performance.now() + SCENARIO_MS;
  const abusers = Array.from({ length: ABUSERS }, async () => {
    while (performance.now() < deadline) {
      const response = await fetch(options.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.text();
      sent += 1;
      if (response.status !== 200 || text.includes('"errors"')) refused += 1;
    }
  });
  const innocent = await innocentWhile(options.graphqlUrl, Promise.all(abusers));
  const rss = memory.stop();
  return { name, concurrency: ABUSERS, sent, refused, innocent: spread(innocent), ...rss, note: '' };
}

/** Sockets from one address, each asking for as many subscriptions as it may; then replies fan out to them. */
async function socketFlood(options: Options): Promise<AbuseScenario> {
  const memory = watchMemory(options.apiPid);
  const clients: Client[] = [];
  let acknowledged = 0;
  let refusedSockets = 0;
  let subscribed = 0;
  let refusedSubscriptions = 0;
  let delivered = 0;
  try {
    for (let i = 0; i < FLOOD_SOCKETS; i += 1) {
      const client = createClient({
        url: options.wsUrl,
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: 0,
        on: { connected: () => (acknowledged += 1), closed: (event) => ((event as { code?: number }).code === 1008 ? (refusedSockets += 1) : undefined) },
        onNonLazyError: () => undefined,
      });
      clients.push(client);
      for (let j = 0; j < FLOOD_SUBSCRIPTIONS; j += 1) {
        let counted = false;
        client.subscribe(
          { query: POST_ADDED, variables: { t: options.threadGlobalId } },
          {
            next: () => {
              delivered += 1;
              if (!counted) subscribed += 1;
              counted = true;
            },
            error: (error) => (Array.isArray(error) ? (refusedSubscriptions += 1) : undefined),
            complete: () => undefined,
          },
        );
      }
    }
    await sleep(2_000);
    const replies = (async () => {
      for (let i = 0; i < FLOOD_REPLIES; i += 1) {
        await reply(options.graphqlUrl, options.viewer, options.threadGlobalId, `Flood ${i + 1}: un aggiornamento per tutti i presenti.`);
        await sleep(1_500);
      }
    })();
    const innocent = await innocentWhile(options.graphqlUrl, replies);
    const rss = memory.stop();
    return {
      name: `${FLOOD_SOCKETS} sockets × ${FLOOD_SUBSCRIPTIONS} postAdded from one address, ${FLOOD_REPLIES} replies`,
      concurrency: FLOOD_SOCKETS,
      sent: FLOOD_SOCKETS,
      refused: refusedSockets,
      innocent: spread(innocent),
      ...rss,
      note: `${acknowledged} sockets admitted, ${refusedSockets} closed 1008; ${subscribed} subscriptions delivered to (${delivered} messages), ${refusedSubscriptions} refused RATE_LIMITED`,
    };
  } finally {
    memory.stop();
    await Promise.race([Promise.all(clients.map((client) => client.dispose())), sleep(10_000)]);
  }
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
