import type { Pool } from 'pg';
import { toGlobalId } from './forum-pages';
import { summarise, type LatencySummary } from './stats';
import { signedInReaders } from './viewer';

/** People registering at once for one exchange, its seats, and the measured bursts (after one warm-up burst). */
export const REGISTRATION_SIZE = { people: 200, capacity: 50, rounds: 5 };

const REGISTER = `mutation Register($input: RegisterForExchangeInput!) {
  registerForExchange(input: $input) { registration { status position } userErrors { code message } } }`;
const BASELINE = `query Viewer { viewer { id } }`;

export interface BurstFigures {
  /** Requests per second over the bursts' wall time (each burst: every request sent at once, until the last answer). */
  perSecond: number;
  latency: LatencySummary;
}

export interface ExchangeRegistrationsResult {
  people: number;
  capacity: number;
  rounds: number;
  baseline: BurstFigures;
  registrations: BurstFigures;
  /** Each measured exchange's final state, checked against what it must be. */
  checked: string[];
}

interface Answer {
  registerForExchange?: { registration: { status: string; position: number | null } | null; userErrors: unknown[] } | null;
  viewer?: { id: string } | null;
}

/**
 * One exchange of `capacity` seats, opened straight in the database, then
 * `people` distinct signed-in people register for it at the same instant
 * through `registerForExchange` over HTTP, each from an address of their own
 * (X-Forwarded-For, as behind a proxy, so per-address limits do not apply);
 * the baseline is the same people asking `viewer { id }` at the same
 * concurrency. Each burst's exchange must end exactly right: `capacity`
 * REGISTERED in arrival order, the rest WAITLISTED at positions 1…n, and its
 * counters equal to its rows.
 */
export async function runExchangeRegistrations(options: {
  pool: Pool;
  graphqlUrl: string;
  jwtSecret: string;
  progress: (message: string) => void;
}): Promise<ExchangeRegistrationsResult> {
  const { pool, graphqlUrl, progress } = options;
  const { people, capacity, rounds } = REGISTRATION_SIZE;
  const tokens = await signedInReaders(pool, options.jwtSecret, people);
  const headers = tokens.map((token, index) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
    'x-forwarded-for': `10.77.${Math.floor(index / 250)}.${(index % 250) + 1}`,
  }));
  const place = await hostPlace(pool);

  const burst = async (body: (index: number) => string): Promise<{ ms: number; latencies: number[]; answers: Answer[] }> => {
    const started = performance.now();
    const results = await Promise.all(
      headers.map(async (header, index) => {
        const sent = performance.now();
        const response = await fetch(graphqlUrl, { method: 'POST', headers: header, body: body(index), signal: AbortSignal.timeout(60_000) });
        const text = await response.text();
        const latency = performance.now() - sent;
        const parsed = JSON.parse(text) as { data?: Answer; errors?: unknown[] };
        if (response.status !== 200 || parsed.errors?.length || !parsed.data) throw new Error(`exchangeRegistrations: HTTP ${response.status} ${text.slice(0, 300)}`);
        return { latency, answer: parsed.data };
      }),
    );
    return { ms: performance.now() - started, latencies: results.map((r) => r.latency), answers: results.map((r) => r.answer) };
  };

  const baselineLatencies: number[] = [];
  const registrationLatencies: number[] = [];
  let baselineMs = 0;
  let registrationMs = 0;
  const checked: string[] = [];
  for (let round = 0; round <= rounds; round += 1) {
    const measured = round > 0;
    progress(`exchangeRegistrations: ${measured ? `burst ${round}/${rounds}` : 'warm-up burst'}: ${people} × viewer, then ${people} registrations for ${capacity} seats…`);
    const baseline = await burst(() => JSON.stringify({ query: BASELINE, operationName: 'Viewer' }));
    if (baseline.answers.some((answer) => !answer.viewer)) throw new Error('exchangeRegistrations: a baseline reader was not signed in');
    const exchangeId = await openExchange(pool, place, capacity, round);
    const variables = { input: { exchangeId: toGlobalId('PeerExchange', exchangeId) } };
    const registered = await burst(() => JSON.stringify({ query: REGISTER, operationName: 'Register', variables }));
    const state = await checkFinalState(pool, exchangeId, people, capacity, registered.answers);
    if (measured) {
      baselineLatencies.push(...baseline.latencies);
      registrationLatencies.push(...registered.latencies);
      baselineMs += baseline.ms;
      registrationMs += registered.ms;
      checked.push(state);
    }
  }
  return {
    people,
    capacity,
    rounds,
    baseline: { perSecond: (people * rounds) / (baselineMs / 1_000), latency: summarise(baselineLatencies) },
    registrations: { perSecond: (people * rounds) / (registrationMs / 1_000), latency: summarise(registrationLatencies) },
    checked,
  };
}

interface Place {
  communityId: string;
  territoryId: string;
  authorId: string;
}

/** A public community of the forum seed, one of its coordinators, and a territory to host in. */
async function hostPlace(pool: Pool): Promise<Place> {
  const { rows } = await pool.query<Place>(
    `SELECT c.id AS "communityId", m.user_id AS "authorId", (SELECT id FROM territory WHERE code = 'IT-MI') AS "territoryId"
       FROM community c JOIN community_membership m ON m.community_id = c.id AND m.role = 'COORDINATOR'
      WHERE c.visibility = 'PUBLIC' ORDER BY c.slug LIMIT 1`,
  );
  const place = rows[0];
  if (!place?.territoryId) throw new Error('exchangeRegistrations: no public community with a coordinator, or no Milan');
  return place;
}

/** An OPEN exchange tomorrow with its discussion thread, written straight in the database. */
async function openExchange(pool: Pool, place: Place, capacity: number, round: number): Promise<string> {
  const title = `Bench: visita di studio, giro ${round}`;
  const { rows } = await pool.query<{ id: string }>(
    `WITH thread AS (
       INSERT INTO thread (community_id, author_id, kind, title, created_at, last_activity_at)
       VALUES ($1, $2, 'DISCUSSION', $4, now(), now()) RETURNING id)
     INSERT INTO peer_exchange (title, format, host_territory_id, host_community_id, starts_at, ends_at, capacity, registration_deadline, status, opened_at,
                                thread_id, created_by)
     SELECT $4, 'STUDY_VISIT', $3, $1, now() + interval '2 days', now() + interval '2 days 4 hours', $5, now() + interval '1 day', 'OPEN', now(), thread.id, $2
       FROM thread RETURNING id`,
    [place.communityId, place.authorId, place.territoryId, title, capacity],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('exchangeRegistrations: the exchange was not written');
  return id;
}

/**
 * The burst's outcome, exactly: the API told `capacity` people they hold a
 * seat and the others their waitlist places 1…n; the rows agree (seats to the
 * first arrivals, the waitlist in arrival order), and so do the counters.
 */
async function checkFinalState(pool: Pool, exchangeId: string, people: number, capacity: number, answers: Answer[]): Promise<string> {
  const waiting = people - capacity;
  const told = answers.map((answer) => answer.registerForExchange);
  if (told.some((payload) => !payload?.registration || payload.userErrors.length > 0)) throw new Error('exchangeRegistrations: a registration was refused');
  const seats = told.filter((payload) => payload?.registration?.status === 'REGISTERED').length;
  const positions = told
    .filter((payload) => payload?.registration?.status === 'WAITLISTED')
    .map((payload) => payload?.registration?.position ?? 0)
    .sort((a, b) => a - b);
  if (seats !== capacity || positions.length !== waiting || positions.some((position, index) => position !== index + 1)) {
    throw new Error(`exchangeRegistrations: the API told ${seats} seats and waitlist places ${positions.slice(0, 5).join(', ')}…`);
  }
  const { rows } = await pool.query<{
    registered: number;
    waitlisted: number;
    registeredCount: number;
    waitlistedCount: number;
    arrivals: number;
    inOrder: boolean;
    distinctPeople: number;
  }>(
    `SELECT count(*) FILTER (WHERE r.status = 'REGISTERED')::int AS registered, count(*) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted,
            e.registered_count AS "registeredCount", e.waitlisted_count AS "waitlistedCount", e.arrivals::int AS arrivals,
            bool_and((r.status = 'REGISTERED') = (r.arrival <= $2)) AS "inOrder", count(DISTINCT r.user_id)::int AS "distinctPeople"
       FROM peer_exchange e JOIN peer_exchange_registration r ON r.exchange_id = e.id
      WHERE e.id = $1 GROUP BY e.id`,
    [exchangeId, capacity],
  );
  const row = rows[0];
  const expected = { registered: capacity, waitlisted: waiting, registeredCount: capacity, waitlistedCount: waiting, arrivals: people, inOrder: true, distinctPeople: people };
  if (!row || Object.entries(expected).some(([name, value]) => row[name as keyof typeof row] !== value)) {
    throw new Error(`exchangeRegistrations: final state ${JSON.stringify(row)}, expected ${JSON.stringify(expected)}`);
  }
  return `${capacity} REGISTERED (arrivals 1–${capacity}), ${waiting} WAITLISTED at 1–${waiting}, counters = rows`;
}

export function renderExchangeRegistrations(result: ExchangeRegistrationsResult): string {
  const ms = (value: number) => value.toFixed(1);
  const { baseline, registrations } = result;
  const row = (name: string, f: BurstFigures, base: BurstFigures | null) =>
    `  ${name.padEnd(52)} ${f.perSecond.toFixed(0).padStart(8)} ${ms(f.latency.p50).padStart(8)} ${ms(f.latency.p99).padStart(8)}` +
    (base
      ? ` ${`${(f.perSecond / base.perSecond).toFixed(2)}×`.padStart(8)} ${`${(f.latency.p50 / base.latency.p50).toFixed(1)}×`.padStart(8)} ${`${(f.latency.p99 / base.latency.p99).toFixed(1)}×`.padStart(8)}`
      : '');
  return [
    '',
    `exchangeRegistrations: ${result.people} people register at once for ${result.capacity} seats, ${result.rounds} bursts (after a warm-up), over HTTP`,
    `  ${''.padEnd(52)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'× req/s'.padStart(8)} ${'× p50'.padStart(8)} ${'× p99'.padStart(8)}`,
    row(`baseline: viewer { id }, ${result.people} at once`, baseline, null),
    row(`registerForExchange, ${result.people} at once`, registrations, baseline),
    `  final state of every burst: ${result.checked[0] ?? 'not checked'}${result.checked.length > 1 ? ` (all ${result.checked.length})` : ''}`,
    '',
  ].join('\n');
}
