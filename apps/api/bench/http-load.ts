import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { summarise, type LatencySummary } from './stats';

export interface LoadOptions {
  connections: number;
  durationS: number;
  warmupS: number;
  /** The API's process, whose CPU time per request is then measured: a figure other work on the machine moves less than throughput. */
  apiPid?: number;
  /**
   * GraphQL on a second API over the same database that counts statements per request
   * (EXPOSE_SQL_STATEMENT_COUNT=true), which the API under load does not.
   */
  statementsUrl?: string;
}

export interface HttpLoadResult {
  opsPerSec: number;
  latency: LatencySummary;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** 2xx responses whose body was not a clean `data` answer (GraphQL errors). */
  mismatches: number;
  /** CPU time the API process spent per response of the measured run (null without `apiPid`). */
  cpuMsPerRequest: number | null;
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/** One request up front: fails loudly on GraphQL errors, returns `data`. */
export async function postGraphQL(url: string, body: string, headers: Record<string, string> = {}): Promise<unknown> {
  return (await postGraphQLWithHeaders(url, body, headers)).data;
}

/** Like {@link postGraphQL}, with the response headers (e.g. `x-sql-statements`). */
export async function postGraphQLWithHeaders(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ data: unknown; headers: Headers }> {
  const response = await fetch(url, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let parsed: { data?: unknown; errors?: unknown[] };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new Error(`GraphQL answered HTTP ${response.status} with a non-JSON body: ${text.slice(0, 300)}`);
  }
  if (!response.ok || parsed.errors?.length || !parsed.data) {
    throw new Error(`GraphQL query failed (HTTP ${response.status}): ${text.slice(0, 500)}`);
  }
  return { data: parsed.data, headers: response.headers };
}

/**
 * SQL statements the API ran for one request, from `x-sql-statements` on the
 * counting API (`LoadOptions.statementsUrl`): one figure per sample.
 */
export async function sqlStatementsPerRequest(url: string | undefined, body: string, headers: Record<string, string>, samples: number): Promise<number[]> {
  if (!url) throw new Error('no API counts statements: LoadOptions.statementsUrl is not set');
  // Once unsampled: the counting API then remembers what the API under load does (the viewer's session).
  await postGraphQL(url, body, headers);
  const counts: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const response = await postGraphQLWithHeaders(url, body, headers);
    const value = Number(response.headers.get('x-sql-statements'));
    if (!Number.isInteger(value)) throw new Error('no x-sql-statements header: is EXPOSE_SQL_STATEMENT_COUNT=true reaching the API?');
    counts.push(value);
  }
  return counts;
}

/** POSTs `body` over `connections` keep-alive connections for the duration, after a warm-up. */
export async function runHttpLoad(
  url: string,
  body: string,
  options: LoadOptions,
  headers: Record<string, string> = {},
): Promise<HttpLoadResult> {
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    method: 'POST',
    headers: { ...JSON_HEADERS, ...headers },
    body,
    connections: options.connections,
    duration: options.durationS,
    timeout: 10,
    warmup: { connections: options.connections, duration: options.warmupS },
    verifyBody: (text) => text.startsWith('{"data":') && !text.includes('"errors":'),
  });
  // Responses of the measured run only: the warm-up reports to another emitter.
  let cpuFrom: number | null = null;
  let responses = 0;
  instance.on('response', (_client, statusCode, _bytes, ms) => {
    if (options.apiPid !== undefined && cpuFrom === null) cpuFrom = cpuMsOf(options.apiPid);
    else responses += 1;
    if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
  });
  const result = await instance;
  const cpuTo = options.apiPid === undefined ? null : cpuMsOf(options.apiPid);
  const requests = result.requests.total;
  return {
    opsPerSec: requests / result.duration,
    latency: summarise(latencies),
    requests,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
    cpuMsPerRequest: cpuFrom !== null && cpuTo !== null && responses > 0 ? (cpuTo - cpuFrom) / responses : null,
  };
}

/** User and system CPU time of a process so far, in ms, from /proc/<pid>/stat. */
export function cpuMsOf(pid: number): number {
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`no CPU times for pid ${pid}`);
  return (ticks * 1_000) / CLOCK_TICKS_PER_SECOND;
}

/** USER_HZ, which Linux reports /proc times in: 100 on every common architecture. */
const CLOCK_TICKS_PER_SECOND = 100;
