import { createClient, type Client } from 'graphql-ws';
import type { Pool } from 'pg';
import WebSocket from 'ws';
import { sleep } from './api-process';
import { committedTransactions } from './forum-sql';
import { cpuMsOf, postGraphQL } from './http-load';
import { inBatches, rssOf, spread, waitUntil, type Spread } from './sockets';
import { reply, type SignedIn } from './viewer';

export const POST_ADDED = 'subscription PostAdded($t: ID!) { postAdded(threadId: $t) { id bodyHtml author { displayName } } }';
/** What a signed-in reader's client asks for: also the reactions, with the reader's own. */
export const POST_ADDED_SIGNED_IN =
  'subscription PostAdded($t: ID!) { postAdded(threadId: $t) { id bodyHtml author { displayName } reactions { kind count viewerHasReacted } } }';
export const REPLY_BODY = 'Grazie a tutti: domani porto i dati del secondo anno al tavolo di co-progettazione con il Comune.';

const WARMUP_REPLIES = 5;
const CONNECT_TIMEOUT_MS = 30_000;
const WARMUP_WAIT = { timeoutMs: 90_000, stallMs: 20_000 };
const DELIVERY_WAIT = { timeoutMs: 180_000, stallMs: 30_000 };
const STATS_IDLE_FLUSH_MS = 11_000;
/** Another reader's request, sent while the reply is delivered, to see what the fan-out does to everyone else. */
export const PROBE = '{ territories(first: 1) { totalCount } }';
const PROBE_GAP_MS = 20;
const IDLE_PROBES = 20;
const MAX_PROBES = 2_000;

export interface FanoutResult {
  subscribers: number;
  /** Open + connection_ack of every socket, in batches. */
  connectMs: number;
  /** Warm-up replies it took until every subscriber had received one. */
  warmups: number;
  received: number;
  duplicates: number;
  /** Sending the mutation → each subscriber's message, ms. */
  latency: Spread;
  /** Round trip of the measured mutation alone. */
  mutationMs: number;
  /** CPU time the API process spent from sending the reply until every subscriber had it (the probes' included). */
  apiCpuMs: number;
  rssBefore: number;
  rssAfter: number;
  /** `PROBE` latency on an idle API, and while the reply is being delivered (sent back to back, 20 ms apart). */
  probeIdle: Spread;
  probeBusy: Spread;
  probes: number;
  /** ≈ SQL statements per subscriber for the one post (committed transactions in pg_stat_database, see `settledTransactions`). */
  statementsPerSubscriber: number;
  /** Subscription results for the measured reply: computed for their subscriber, or shared (bottega_subscription_results_total). */
  results: { computed: number; shared: number };
  errors: string[];
}

interface Options {
  apiPid: number;
  wsUrl: string;
  graphqlUrl: string;
  /** SQL statements of one request with this body, counted (after the measurement) by an API that counts them. */
  statementsOf: (body: string) => Promise<number>;
  metrics: { url: string; token: string };
  pool: Pool;
  viewer: SignedIn;
  threadGlobalId: string;
  subscribers: number;
  batch: number;
  /** Access tokens for the signed-in half of the subscribers (the others are anonymous). */
  tokens: string[];
  progress: (message: string) => void;
}

/**
 * N graphql-ws subscribers to `postAdded` on one thread, half signed in; one reply
 * by the viewer; time from sending the mutation until each subscriber has it.
 * Subscriptions have no acknowledgement in graphql-ws, so warm-up replies
 * (at most WARMUP_REPLIES) run until every subscriber has received one, and
 * at least two, so that the measured one runs compiled.
 */
export async function measureFanout(options: Options): Promise<FanoutResult> {
  const { subscribers: count, progress } = options;
  const clients: Client[] = [];
  const errors: string[] = [];
  const seenBy: Set<string>[] = [];
  const arrivals = new Map<string, number[]>();
  let connected = 0;
  let duplicates = 0;
  let warmedUp = 0;
  let closing = false;
  const fail = (message: string) => !closing && errors.length < 20 && errors.push(message);

  const rssBefore = rssOf(options.apiPid);
  try {
    const connectStart = performance.now();
    await inBatches(count, options.batch, async (from, size) => {
      const target = connected + size;
      for (let index = from; index < from + size; index += 1) {
        const seen = new Set<string>();
        seenBy.push(seen);
        const client = createClient({
          url: options.wsUrl,
          webSocketImpl: forwardedFrom(index),
          connectionParams: index % 2 === 1 && options.tokens[index >> 1] ? { authorization: `Bearer ${options.tokens[index >> 1]}` } : {},
          lazy: false,
          retryAttempts: 0,
          on: { connected: () => (connected += 1) },
          onNonLazyError: (error) => fail(`socket ${index}: ${describe(error)}`),
        });
        clients.push(client);
        client.subscribe<{ postAdded?: { id?: string } }>(
          { query: index % 2 === 1 ? POST_ADDED_SIGNED_IN : POST_ADDED, variables: { t: options.threadGlobalId } },
          {
            next: (result) => {
              const at = performance.now();
              const id = result.data?.postAdded?.id;
              if (!id) return void fail(`subscriber ${index}: ${JSON.stringify(result).slice(0, 200)}`);
              if (seen.has(id)) return void (duplicates += 1);
              if (seen.size === 0) warmedUp += 1;
              seen.add(id);
              const list = arrivals.get(id) ?? [];
              list.push(at);
              arrivals.set(id, list);
            },
            error: (error) => fail(`subscriber ${index}: ${describe(error)}`),
            complete: () => fail(`subscriber ${index}: completed early`),
          },
        );
      }
      const open = await waitUntil(() => connected >= target, () => connected, { timeoutMs: CONNECT_TIMEOUT_MS, stallMs: 10_000 });
      if (!open) throw new Error(`fan-out: ${connected} of ${target} sockets acknowledged; ${errors.slice(0, 3).join('; ')}`);
    });
    const connectMs = performance.now() - connectStart;
    progress(`fan-out: ${connected} sockets open in ${(connectMs / 1_000).toFixed(1)} s; warm-up replies until every subscriber has one…`);

    let warmups = 0;
    while (warmedUp < count && warmups < WARMUP_REPLIES) {
      warmups += 1;
      await reply(options.graphqlUrl, options.viewer, options.threadGlobalId, `Warm-up ${warmups}: ${REPLY_BODY}`);
      await waitUntil(() => warmedUp >= count, () => warmedUp, WARMUP_WAIT);
    }
    if (warmedUp < count) throw new Error(`fan-out: after ${warmups} warm-up replies only ${warmedUp} of ${count} subscribers received one`);
    // A document runs compiled from its second run on (see `CompiledQueries`), and then for the life of the
    // process: the measured reply follows a second event, as every reply after the first does.
    if (warmups < 2) {
      warmups += 1;
      const postId = await reply(options.graphqlUrl, options.viewer, options.threadGlobalId, `Warm-up ${warmups}: ${REPLY_BODY}`);
      const received = () => arrivals.get(postId)?.length ?? 0;
      await waitUntil(() => received() >= count, received, WARMUP_WAIT);
    }
    const idleProbes = await probe(options.graphqlUrl, () => true, IDLE_PROBES);
    // Idle until the statistics catch up; the API's memory is read in the same quiet state as before the sockets.
    const before = await settledTransactions(options.pool);
    const resultsBefore = await subscriptionResults(options.metrics);
    const rssAfter = rssOf(options.apiPid);

    progress(`fan-out: all ${count} subscribed; the measured reply…`);
    let delivering = true;
    const busyProbes = probe(options.graphqlUrl, () => delivering, MAX_PROBES);
    const cpuBefore = cpuMsOf(options.apiPid);
    const startedAt = performance.now();
    const postId = await reply(options.graphqlUrl, options.viewer, options.threadGlobalId, REPLY_BODY);
    const mutationMs = performance.now() - startedAt;
    const received = () => arrivals.get(postId)?.length ?? 0;
    await waitUntil(() => received() >= count, received, DELIVERY_WAIT);
    const apiCpuMs = cpuMsOf(options.apiPid) - cpuBefore;
    delivering = false;
    const probes = await busyProbes;
    const times = arrivals.get(postId) ?? [];
    const after = await settledTransactions(options.pool);
    const probeStatements = await options.statementsOf(JSON.stringify({ query: PROBE }));
    const resultsAfter = await subscriptionResults(options.metrics);

    return {
      subscribers: count,
      connectMs,
      warmups,
      received: times.length,
      duplicates,
      latency: spread(times.map((at) => at - startedAt)),
      mutationMs,
      apiCpuMs,
      rssBefore,
      rssAfter,
      statementsPerSubscriber: (after - before - probeStatements * probes.latencies.length) / count,
      results: { computed: resultsAfter.computed - resultsBefore.computed, shared: resultsAfter.shared - resultsBefore.shared },
      probeIdle: spread(idleProbes.latencies),
      probeBusy: spread(probes.latencies),
      probes: probes.latencies.length,
      errors,
    };
  } finally {
    closing = true;
    await Promise.race([Promise.all(clients.map((client) => client.dispose())), sleep(10_000)]);
  }
}

/** The API's count of subscription results computed and shared so far. */
async function subscriptionResults(metrics: { url: string; token: string }): Promise<{ computed: number; shared: number }> {
  const response = await fetch(metrics.url, { headers: { authorization: `Bearer ${metrics.token}` } });
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  const text = await response.text();
  const count = (result: string) => Number(new RegExp(`^bottega_subscription_results_total\\{result="${result}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { computed: count('computed'), shared: count('shared') };
}

/**
 * Committed transactions in the API's database once the statistics have
 * caught up: a backend that flushed less than a second ago keeps what follows
 * pending until it has been idle for 10 s. Each statement the API runs outside
 * a transaction is one; the reply's own few, and this read, are noise.
 */
async function settledTransactions(pool: Pool): Promise<number> {
  await sleep(STATS_IDLE_FLUSH_MS);
  return committedTransactions(pool);
}

/** `PROBE` back to back while `going()` (at most `max` times): their latencies. */
async function probe(url: string, going: () => boolean, max: number): Promise<{ latencies: number[] }> {
  const body = JSON.stringify({ query: PROBE });
  const latencies: number[] = [];
  while (going() && latencies.length < max) {
    const startedAt = performance.now();
    await postGraphQL(url, body);
    latencies.push(performance.now() - startedAt);
    await sleep(PROBE_GAP_MS);
  }
  return { latencies };
}

/** Readers behind a proxy: a handful of sockets per address, as the per-address socket limit expects. */
const SOCKETS_PER_ADDRESS = 8;

/** A WebSocket class whose connections say (X-Forwarded-For) they come from the `index`th reader's address. */
function forwardedFrom(index: number): unknown {
  const group = Math.floor(index / SOCKETS_PER_ADDRESS);
  const address = `198.18.${Math.floor(group / 250)}.${(group % 250) + 1}`;
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'x-forwarded-for': address } });
    }
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return JSON.stringify(error).slice(0, 200);
  const close = error as { code?: number; reason?: string } | null;
  return close && typeof close.code === 'number' ? `closed ${close.code} ${close.reason ?? ''}` : String(error);
}
