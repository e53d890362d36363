import { INNOCENT, type AbuseResult, type AbuseScenario } from './abuse';
import { PROBE, type FanoutResult } from './fanout';
import type { SeededForum } from './forum-seed';
import type { PageResult } from './forum-pages';
import type { LoadOptions } from './http-load';
import type { OutboxResult } from './outbox';
import { count, ms, ratio, table } from './report';
import { FACETED_CASE, FACETED_DURATION_FACTOR, FACETED_P95_TARGET_MS, searchFailures, type SearchResult } from './search';
import { POOL_SIZE } from './sql-load';
import type { BroadcastResult } from './ws-baseline';

export interface Summary {
  machine: string;
  loadBefore: number;
  loadAfter: number;
  load: LoadOptions;
  startup: { bareNode: number; bareRuns: number; first: number; warm: number };
  pages: PageResult[];
  seed: SeededForum | null;
  broadcast: BroadcastResult | null;
  fanout: FanoutResult | null;
  abuse: AbuseResult | null;
  outbox: OutboxResult | null;
  search: SearchResult | null;
  socketBatch: number;
  fileLimit: string;
  stops: string[];
  apiLog: { lines: number; tail: string }[];
  failures: string[];
}

const KIB = 1024;
const MIB = 1024 * 1024;

/** An innocent request under abuse may take at most this many times its idle p99. */
export const INNOCENT_P99_BOUND = 5;

/** Failures the figures themselves reveal: errors, mismatches, missed deliveries, limits that did not hold. */
export function figureFailures(summary: Pick<Summary, 'pages' | 'broadcast' | 'fanout' | 'abuse' | 'outbox' | 'search'>): string[] {
  const { pages, broadcast, fanout, abuse, outbox, search } = summary;
  return [
    ...pages.flatMap(({ name, http, sql }) => [
      http.non2xx && `${name}: ${http.non2xx} non-2xx responses`,
      http.errors && `${name}: ${http.errors} request errors (${http.timeouts} timeouts)`,
      http.mismatches && `${name}: ${http.mismatches} responses with GraphQL errors`,
      sql.errors && `${name}: ${sql.errors} raw SQL errors`,
      http.requests === 0 && `${name}: no API request completed`,
    ]),
    broadcast && broadcast.received !== broadcast.sockets && `baseline broadcast reached ${broadcast.received} of ${broadcast.sockets} sockets`,
    fanout && fanout.received !== fanout.subscribers && `fan-out: ${fanout.received} of ${fanout.subscribers} subscribers received the reply`,
    fanout?.duplicates && `fan-out: ${fanout.duplicates} duplicate deliveries`,
    ...(fanout?.errors ?? []).map((error) => `fan-out: ${error}`),
    ...abuseFailures(abuse),
    outbox?.burst.missed && `outbox: the consumer missed ${outbox.burst.missed} changes of the burst`,
    outbox?.burst.duplicates && `outbox: ${outbox.burst.duplicates} changes of the burst handed over twice`,
    ...searchFailures(search),
  ].filter((failure): failure is string => typeof failure === 'string');
}

export function renderSummary(s: Summary): string {
  const { load } = s;
  const statements = (values: number[]) => {
    const low = Math.min(...values);
    const high = Math.max(...values);
    return low === high ? String(low) : `${low}-${high}`;
  };
  const pageRows = s.pages.flatMap((page) => [
    [`${page.name}: raw SQL, pg.Pool(${POOL_SIZE}) (baseline)`, count(page.sql.opsPerSec), ms(page.sql.latency.p50), ms(page.sql.latency.p99), String(page.sqlStatements), count(page.sql.ops), '-', String(page.sql.errors)],
    [`${page.name}: GraphQL over HTTP`, count(page.http.opsPerSec), ms(page.http.latency.p50), ms(page.http.latency.p99), statements(page.statements), count(page.http.requests), String(page.http.non2xx), String(page.http.errors + page.http.mismatches)],
    [`${page.name}: API ÷ raw SQL`, ratio(page.http.opsPerSec / page.sql.opsPerSec), ratio(page.http.latency.p50 / page.sql.latency.p50), ratio(page.http.latency.p99 / page.sql.latency.p99), ratio(Math.min(...page.statements) / page.sqlStatements), '', '', ''],
  ]);
  const seed = s.seed;
  const out = [
    '',
    'Bottega API benchmark',
    `  machine  ${s.machine}; 1-min load average ${s.loadBefore.toFixed(2)} before the run, ${s.loadAfter.toFixed(2)} after`,
    `  load     ${load.connections} concurrent, ${load.warmupS} s warm-up + ${load.durationS} s measured per figure, 127.0.0.1`,
    seed &&
      `  seed     ${count(seed.counts.users)} users, ${seed.counts.communities} communities, ${count(seed.counts.memberships)} memberships, ` +
        `${count(seed.counts.threads)} threads, ${count(seed.counts.posts)} posts, ${count(seed.counts.reactions)} reactions, ` +
        `${seed.counts.tags} tags (${count(seed.counts.threadTags)} thread tags) in the database after ${(seed.ms / 1_000).toFixed(1)} s of set-based SQL ` +
        `+ ${(seed.vacuumMs / 1_000).toFixed(1)} s VACUUM ANALYZE (in no figure)`,
    '',
    'Start-up: spawn → GET /health 200',
    table(
      ['', 'ms', '× node -e "0"'],
      [
        [`node -e "0" (baseline, median of ${s.startup.bareRuns})`, ms(s.startup.bareNode), ratio(1)],
        ['first start: initdb + migrations', ms(s.startup.first), ratio(s.startup.first / s.startup.bareNode)],
        ['warm start: same data directory', ms(s.startup.warm), ratio(s.startup.warm / s.startup.bareNode)],
      ],
    ),
    '',
    'Throughput: one op = one page with everything it shows (SQL/op: statements per op; API: x-sql-statements)',
    table(['', 'ops/s', 'p50 ms', 'p99 ms', 'SQL/op', 'ops', 'non-2xx', 'errors'], pageRows),
    ...s.pages.map((page) => `  ${page.name}: API and raw SQL agree on ${page.checked}`),
    ...s.pages.flatMap((page) =>
      page.http.cpuMsPerRequest === null ? [] : [`  ${page.name}: the API process spent ${ms(page.http.cpuMsPerRequest)} ms of CPU per request`],
    ),
    ...fanoutLines(s),
    ...abuseLines(s),
    ...outboxLines(s),
    ...searchLines(s),
    '',
    `SIGTERM → exit: ${s.stops.join('; ')}`,
    `API log lines at warn or above: ${s.apiLog.map((log, i) => `${i === 0 ? 'first run' : 'warm run'} ${log.lines}`).join(', ')}`,
    ...s.apiLog.filter((log) => log.lines > 0).map((log) => log.tail),
    ...s.failures.map((failure) => `FAILED: ${failure}`),
    '',
  ];
  return out.filter((line): line is string => typeof line === 'string').join('\n');
}

function fanoutLines(s: Summary): string[] {
  const { broadcast: base, fanout: api } = s;
  if (!base || !api) return [];
  const perSocket = (api.rssAfter - api.rssBefore) / api.subscribers;
  return [
    '',
    `Fan-out: one reply → ${count(api.subscribers)} graphql-ws postAdded subscribers on one thread (half signed in, asking for their own reactions; ${s.fileLimit})`,
    table(
      ['', 'received', 'first ms', 'p50 ms', 'p99 ms', 'max ms', 'RSS/socket'],
      [
        [`plain ws broadcast, ${count(base.sockets)} sockets (baseline)`, count(base.received), ms(base.latency.min), ms(base.latency.p50), ms(base.latency.p99), ms(base.latency.max), `${(base.bytesPerPair / KIB).toFixed(1)} KiB`],
        ['API: replyToThread sent → postAdded received', count(api.received), ms(api.latency.min), ms(api.latency.p50), ms(api.latency.p99), ms(api.latency.max), `${(perSocket / KIB).toFixed(1)} KiB`],
        ['API ÷ baseline', '', ratio(api.latency.min / base.latency.min), ratio(api.latency.p50 / base.latency.p50), ratio(api.latency.p99 / base.latency.p99), ratio(api.latency.max / base.latency.max), ratio(perSocket / base.bytesPerPair)],
      ],
    ),
    `  sockets opened ${s.socketBatch} at a time in ${(api.connectMs / 1_000).toFixed(1)} s; ${api.warmups} warm-up replies (until all were subscribed, and two at least: the measured one runs compiled); ` +
      `mutation round trip ${ms(api.mutationMs)} ms; ${api.duplicates} duplicates; the API process spent ${ms(api.apiCpuMs)} ms of CPU from the reply to the last delivery`,
    `  API RSS ${(api.rssBefore / MIB).toFixed(0)} MiB before the sockets, ${(api.rssAfter / MIB).toFixed(0)} MiB with all subscribed; ` +
      `baseline RSS/socket is this process's growth per socket pair (both ends here)`,
    `  ≈ ${api.statementsPerSubscriber.toFixed(1)} SQL statements per subscriber for the one reply (committed transactions in pg_stat_database)`,
    `  subscription results for the one reply: ${api.results.computed} computed, ${api.results.shared} shared (bottega_subscription_results_total)`,
    `  meanwhile another reader's ${PROBE}: p50 ${ms(api.probeBusy.p50)} ms, max ${ms(api.probeBusy.max)} ms over ${api.probes} requests ` +
      `(idle API: p50 ${ms(api.probeIdle.p50)} ms, max ${ms(api.probeIdle.max)} ms; ${ratio(api.probeBusy.max / api.probeIdle.p50)} at worst)`,
  ];
}

function outboxLines(s: Summary): string[] {
  const o = s.outbox;
  if (!o) return [];
  const { burst } = o;
  return [
    '',
    'Outbox: a reply\'s rows (post, revision, thread counter, live NOTIFY) in one transaction, 10 writers, straight to PostgreSQL from the bench process',
    table(
      ['', 'writes/s', 'writes'],
      [
        ['without the outbox row (baseline)', count(o.plain.opsPerSec), count(o.plain.ops)],
        ['with Outbox.record in the transaction', count(o.withOutbox.opsPerSec), count(o.withOutbox.ops)],
        ['with ÷ without', ratio(o.withOutbox.opsPerSec / o.plain.opsPerSec), ''],
      ],
    ),
    `  burst of ${count(burst.events)} replies written in ${ms(burst.writeMs)} ms (${count(burst.events / (burst.writeMs / 1_000))}/s); ` +
      `a no-op consumer had handled them all ${ms(burst.drainedMs)} ms after the first, ${ms(burst.lagAfterBurstMs)} ms after the last ` +
      `(${count(burst.events / (burst.drainedMs / 1_000))} changes/s); largest lag seen ${count(burst.maxLagEvents)} changes; ` +
      `${burst.missed} missed, ${burst.duplicates} handed over twice`,
  ];
}

function searchLines(s: Summary): string[] {
  const r = s.search;
  if (!r) return [];
  const { documents, drain, fill, seed } = r;
  const rows = searchRows(r);
  const faceted = r.figures.find((figure) => figure.name === FACETED_CASE);
  const verdicts = (faceted?.loads ?? []).map(
    (load) =>
      `${load.connections} connection${load.connections === 1 ? '' : 's'}: p95 ${ms(load.latency.p95)} ms, ` +
      `${load.latency.p95 < FACETED_P95_TARGET_MS ? 'met' : 'MISSED'}`,
  );
  return [
    '',
    `Search (PostgreSQL engine): ${count(documents.total)} documents (${count(documents.practices)} practices and stories, ${count(documents.threads)} threads, ` +
      `${count(documents.replies)} replies), Italian text of ${seed.words.min}-${seed.words.max} words (mean ${seed.words.mean.toFixed(0)}) from a Zipf-weighted vocabulary, ` +
      `${(r.indexBytes / MIB).toFixed(0)} MiB on disk; anonymous GraphQL over HTTP, ${r.load.warmupS} s warm-up + ${r.load.durationS} s per figure (${r.load.durationS * FACETED_DURATION_FACTOR} s for the faceted query)`,
    `  indexing through the outbox: a burst of ${count(drain.documents)} changes (1 item in ${Math.round(documents.total / drain.documents)}) written in ${ms(drain.writeMs)} ms, ` +
      `all in search_document ${ms(drain.drainedMs)} ms after the burst began: ${count(drain.documents / (drain.drainedMs / 1_000))} documents/s by the API's indexer`,
    `  the other ${count(fill.documents)} documents by INSERT … SELECT in ${(fill.ms / 1_000).toFixed(1)} s (the same documents as the indexer's: ${count(r.compared)} of the burst rebuilt and compared); ` +
      `corpus seeded in ${(seed.ms / 1_000).toFixed(1)} s; VACUUM ANALYZE ${(r.vacuumMs / 1_000).toFixed(1)} s (in no figure)`,
    table(['', 'conns', 'req/s', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'CPU ms/req', '× p50', '× p95', '× p99', 'hits', 'engine ms'], rows),
    '  n: answers measured; × columns: the query\'s latency ÷ the baseline\'s at the same concurrency; hits: totalCount; engine ms: processingTimeMs of the first request',
    `  target: faceted p95 < ${FACETED_P95_TARGET_MS} ms at ${count(documents.total)} documents: ${verdicts.join('; ')}`,
  ];
}

function searchRows(r: SearchResult): string[][] {
  return [r.baseline, ...r.figures].flatMap((figure) =>
    figure.loads.map((load) => {
      const base = r.baseline.loads.find((candidate) => candidate.connections === load.connections);
      const times = (value: number, of: number | undefined) => (figure === r.baseline || of === undefined ? '' : ratio(value / of));
      return [
        figure.name,
        String(load.connections),
        load.opsPerSec >= 10 ? count(load.opsPerSec) : load.opsPerSec.toFixed(2),
        count(load.latency.count),
        ms(load.latency.p50),
        ms(load.latency.p95),
        ms(load.latency.p99),
        ms(load.latency.max),
        load.cpuMsPerRequest === null ? 'n/a' : ms(load.cpuMsPerRequest),
        times(load.latency.p50, base?.latency.p50),
        times(load.latency.p95, base?.latency.p95),
        times(load.latency.p99, base?.latency.p99),
        figure === r.baseline ? '' : count(figure.totalCount),
        figure === r.baseline ? '' : String(figure.processingTimeMs),
      ];
    }),
  );
}

function abuseFailures(abuse: AbuseResult | null): (string | false)[] {
  if (!abuse) return [];
  return abuse.scenarios.flatMap((scenario) => [
    scenario.innocent.p99 > INNOCENT_P99_BOUND * abuse.idle.p99 &&
      `abuse "${scenario.name}": innocent p99 ${ms(scenario.innocent.p99)} ms is over ${INNOCENT_P99_BOUND}× idle (${ms(abuse.idle.p99)} ms)`,
    scenario.concurrency <= 10 &&
      excessGrowth(abuse, scenario) > abuse.responseCeiling * scenario.concurrency &&
      `abuse "${scenario.name}": RSS grew ${mib(excessGrowth(abuse, scenario))} more than under ordinary load, over the response ceiling × concurrency`,
  ]);
}

/** RSS growth beyond what ordinary load at the same concurrency caused (V8 sizes its heap to any traffic). */
function excessGrowth(abuse: AbuseResult, scenario: AbuseScenario): number {
  return Math.max(0, scenario.rssPeak - scenario.rssBefore - (abuse.control.rssPeak - abuse.control.rssBefore));
}

function mib(bytes: number): string {
  return `${(bytes / MIB).toFixed(0)} MiB`;
}

function abuseLines(s: Summary): string[] {
  const abuse = s.abuse;
  if (!abuse) return [];
  const ceiling = abuse.responseCeiling;
  return [
    '',
    `Abuse: another client's ${INNOCENT} (sent back to back) while each runs; RSS of the API (response ceiling ${(ceiling / MIB).toFixed(0)} MiB)`,
    table(
      ['', 'sent', 'refused', 'p50 ms', 'p99 ms', 'max ms', '× idle p99', 'RSS peak', 'RSS growth', 'over control', 'bound'],
      [
        ['idle API (baseline)', '', '', ms(abuse.idle.p50), ms(abuse.idle.p99), ms(abuse.idle.max), ratio(1), '', '', '', ''],
        ...[abuse.control, ...abuse.scenarios].map((scenario) => {
          const http = scenario.concurrency <= 10;
          return [
            `${scenario.name}${http ? `, ${scenario.concurrency} at once` : ''}`,
            count(scenario.sent),
            count(scenario.refused),
            ms(scenario.innocent.p50),
            ms(scenario.innocent.p99),
            ms(scenario.innocent.max),
            ratio(scenario.innocent.p99 / abuse.idle.p99),
            mib(scenario.rssPeak),
            mib(scenario.rssPeak - scenario.rssBefore),
            scenario === abuse.control ? '' : mib(excessGrowth(abuse, scenario)),
            http && scenario !== abuse.control ? mib(ceiling * scenario.concurrency) : '',
          ];
        }),
      ],
    ),
    ...abuse.scenarios.filter((scenario) => scenario.note).map((scenario) => `  ${scenario.name}: ${scenario.note}`),
  ];
}
