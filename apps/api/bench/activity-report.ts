import type { Pool } from 'pg';
import { toGlobalId } from './forum-pages';
import { postGraphQL, sqlStatementsPerRequest } from './http-load';
import type { SignedIn } from './viewer';

/** A year of activity in Lombardy: two communities per province (a quarter private, a quarter members-only). */
export const ACTIVITY_SIZE = { communitiesPerProvince: 2, threads: 6_000, practices: 1_000, elsewherePractices: 300 };
/** Requests timed for each figure, after the warm-up ones. */
const SAMPLES = 40;
const WARMUP = 3;

export const ACTIVITY_REPORT_QUERY = `query ActivityReport($scope: ActivityScopeInput!, $from: Date!, $to: Date!) {
  activityReport(scope: $scope, from: $from, to: $to) {
    scope { name territoryCount } period activeMembers
    forum { threads posts replies questionsAsked questionsAnswered answeredWithin48HoursShare medianHoursToFirstReply }
    practices { published adoptedHere adoptedElsewhere }
    periods { starts threads posts answeredShare } } }`;

export interface SeededActivity {
  ms: number;
  vacuumMs: number;
  regionId: string;
  from: string;
  to: string;
  counts: { communities: number; threads: number; posts: number; practices: number; adoptions: number };
}

/**
 * Set-based seed (INSERT … SELECT generate_series, one transaction) of a year
 * of activity in Lombardy, on top of the forum seed's bench users: territorial
 * communities in every province, threads (a third of them questions, most
 * answered, some after days) whose 6 to 44 posts by 3 to 12 people spread over
 * the following days, published practices with their authors and adoptions in
 * and out of the region. The viewer coordinates the first community, so the
 * report is asked as a coordinator who reads neither the private communities
 * nor what they contain.
 */
export async function seedActivity(pool: Pool, viewerId: string): Promise<SeededActivity> {
  const year = new Date().getUTCFullYear() - 1;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const startedAt = performance.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL statement_timeout = '300s'`);
    await client.query(`CREATE TEMP TABLE au ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM app_user WHERE email LIKE 'bench-user-%'`);
    await client.query(`ALTER TABLE au ADD PRIMARY KEY (n)`);
    const users = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM au`)).rows[0]?.n ?? 0);
    if (users < 100) throw new Error(`activityReport seed: the forum seed's users are missing (${users})`);
    await client.query(
      `CREATE TEMP TABLE ac ON COMMIT DROP AS
       SELECT row_number() OVER (ORDER BY t.code, k) AS n, gen_random_uuid() AS id, t.id AS territory_id, t.code, k
         FROM territory t JOIN territory r ON r.id = t.parent_id AND r.code = 'IT-25' CROSS JOIN generate_series(1, $1::int) k`,
      [ACTIVITY_SIZE.communitiesPerProvince],
    );
    await client.query(
      `INSERT INTO community (id, slug, name, description, kind, visibility, territory_id, created_at)
       SELECT id, 'activity-' || lower(code) || '-' || k, 'Comunità ' || code || ' ' || k, 'Seeded by the benchmark.', 'TERRITORIAL',
              CASE n % 4 WHEN 3 THEN 'PRIVATE' WHEN 2 THEN 'MEMBERS_ONLY' ELSE 'PUBLIC' END, territory_id, $1::date - interval '400 days'
         FROM ac`,
      [from],
    );
    await client.query(
      `INSERT INTO community_membership (community_id, user_id, role)
       SELECT ac.id, au.id, 'MEMBER' FROM ac JOIN au ON au.n % 24 = ac.n % 24 ON CONFLICT DO NOTHING`,
    );
    await client.query(`INSERT INTO community_membership (community_id, user_id, role) SELECT id, $1, 'COORDINATOR' FROM ac WHERE n = 1`, [viewerId]);
    await client.query(`UPDATE community c SET member_count = (SELECT count(*) FROM community_membership m WHERE m.community_id = c.id) WHERE c.id IN (SELECT id FROM ac)`);
    const communities = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ac`)).rows[0]?.n ?? 0);

    // Threads over the year; every third a question.
    await client.query(
      `CREATE TEMP TABLE at ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS id, 1 + n % $2::int AS c, 1 + (n * 37) % $3::int AS author,
              6 + (n * 7) % 39 AS posts, 3 + (n / 3) % 10 AS people, n % 3 = 0 AS question,
              ($4::date::timestamp AT TIME ZONE 'Europe/Rome') + (n - 0.5)::float8 * (interval '364 days' / $1::int) AS created
         FROM generate_series(1, $1::int) n`,
      [ACTIVITY_SIZE.threads, communities, users, from],
    );
    await client.query(`ALTER TABLE at ADD PRIMARY KEY (n)`);
    await client.query(
      `INSERT INTO thread (id, community_id, author_id, kind, title, created_at, last_activity_at)
       SELECT at.id, ac.id, au.id, CASE WHEN at.question THEN 'QUESTION' ELSE 'DISCUSSION' END,
              'Attività ' || at.n || ': come avete coinvolto il quartiere?', at.created, at.created
         FROM at JOIN ac ON ac.n = at.c JOIN au ON au.n = at.author`,
    );
    // Post p: the opening by the author, the first reply after 1 to 90 hours, then one every few hours.
    await client.query(
      `CREATE TEMP TABLE ap ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, at.id AS thread_id, at.n AS t, p, 1 + (at.author - 1 + ((p - 1) % at.people) * 13) % $1::int AS author,
              at.created + CASE WHEN p = 1 THEN interval '0' ELSE make_interval(hours => 1 + (at.n * 7) % 90) + (p - 2) * interval '5 hours' END AS created
         FROM at CROSS JOIN LATERAL generate_series(1, at.posts) p`,
      [users],
    );
    await client.query(
      `INSERT INTO post (id, thread_id, author_id, body_source, body_html, body_text, created_at)
       SELECT ap.id, ap.thread_id, au.id, b, '<p>' || b || '</p>', b, ap.created
         FROM ap JOIN au ON au.n = ap.author CROSS JOIN LATERAL (SELECT 'Risposta ' || ap.p || ' nel thread ' || ap.t AS b) body`,
    );
    // Two questions in three have an accepted answer: the second or third post.
    await client.query(
      `UPDATE thread t SET accepted_post_id = ap.id
         FROM at JOIN ap ON ap.thread_id = at.id AND ap.p = 2 + at.n % 2
        WHERE t.id = at.id AND at.question AND at.n % 9 <> 0`,
    );
    await client.query(`INSERT INTO thread_participant (thread_id, user_id) SELECT DISTINCT ap.thread_id, au.id FROM ap JOIN au ON au.n = ap.author`);
    await client.query(
      `UPDATE thread t SET post_count = s.posts, participant_count = s.people, last_activity_at = s.last
         FROM (SELECT thread_id, count(*) AS posts, count(DISTINCT author) AS people, max(created) AS last FROM ap GROUP BY thread_id) s
        WHERE s.thread_id = t.id`,
    );

    // Practices: the region's, published over the year in its provinces; Piedmont's, adopted in Lombardy.
    await client.query(
      `CREATE TEMP TABLE apr ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS id, n <= $1::int AS here, 1 + (n * 11) % $3::int AS author,
              ($4::date::timestamp AT TIME ZONE 'Europe/Rome') + n * (interval '360 days' / ($1::int + $2::int)) AS published
         FROM generate_series(1, $1::int + $2::int) n`,
      [ACTIVITY_SIZE.practices, ACTIVITY_SIZE.elsewherePractices, users, from],
    );
    await client.query(
      `INSERT INTO practice (id, slug, kind, status, title, summary, community_id, created_by, published_at, created_at)
       SELECT apr.id, 'activity-practice-' || apr.n, 'PRACTICE', 'PUBLISHED', 'Pratica ' || apr.n, 'Una pratica del benchmark.',
              CASE WHEN apr.here THEN ac.id END, au.id, apr.published, apr.published
         FROM apr JOIN au ON au.n = apr.author LEFT JOIN ac ON ac.n = 1 + apr.n % $1::int`,
      [communities],
    );
    await client.query(`INSERT INTO practice_author (practice_id, user_id, position) SELECT apr.id, au.id, 0 FROM apr JOIN au ON au.n = apr.author`);
    await client.query(
      `INSERT INTO practice_territory (practice_id, territory_id)
       SELECT apr.id, CASE WHEN apr.here THEN (SELECT territory_id FROM ac WHERE ac.n = 1 + apr.n % $1::int)
                           ELSE (SELECT id FROM territory WHERE code = 'IT-TO') END
         FROM apr`,
      [communities],
    );
    await client.query(
      `INSERT INTO practice_adoption (practice_id, territory_id, adopted_on, notes, outcome)
       SELECT apr.id, (SELECT id FROM territory WHERE code = CASE WHEN apr.here THEN 'IT-NO' ELSE 'IT-MI' END),
              (apr.published + interval '30 days')::date, 'Adottata dal benchmark.', 'ADOPTED'
         FROM apr WHERE apr.n % 2 = 0`,
    );
    await client.query(`UPDATE practice p SET adoption_count = 1 WHERE p.id IN (SELECT practice_id FROM practice_adoption WHERE notes = 'Adottata dal benchmark.')`);
    const region = await client.query<{ id: string }>(`SELECT id FROM territory WHERE code = 'IT-25'`);
    const counts = (
      await client.query<{ threads: number; posts: number; practices: number; adoptions: number }>(
        `SELECT (SELECT count(*) FROM at)::int AS threads, (SELECT count(*) FROM ap)::int AS posts, (SELECT count(*) FROM apr)::int AS practices,
                (SELECT count(*) FROM apr WHERE n % 2 = 0)::int AS adoptions`,
      )
    ).rows[0];
    await client.query('COMMIT');
    const seededAt = performance.now();
    await client.query(`SET statement_timeout = '300s'`);
    await client.query('VACUUM ANALYZE');
    await client.query('RESET statement_timeout');
    const regionId = region.rows[0]?.id;
    if (!regionId || !counts) throw new Error('activityReport seed: Lombardy or the counts are missing');
    return { ms: seededAt - startedAt, vacuumMs: performance.now() - seededAt, regionId, from, to, counts: { communities, ...counts } };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The baseline: a plain count of the same posts (those of the year in the
 * region's communities the viewer reads), the least any report must read.
 */
const BASELINE_SQL = `
  SELECT count(*)::int AS posts
    FROM post p JOIN thread t ON t.id = p.thread_id JOIN community c ON c.id = t.community_id
   WHERE c.territory_id IN (SELECT id FROM territory WHERE path <@ (SELECT path FROM territory WHERE id = $1))
     AND (c.visibility <> 'PRIVATE' OR c.id IN (SELECT community_id FROM community_membership WHERE user_id = $4))
     AND p.created_at >= ($2::date::timestamp AT TIME ZONE 'Europe/Rome') AND p.created_at < (($3::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')
     AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND t.deleted_at IS NULL AND t.hidden_at IS NULL`;

export interface LatencyFigures {
  p50: number;
  p95: number;
  mean: number;
  n: number;
}

export interface ActivityReportResult {
  seed: SeededActivity;
  baseline: LatencyFigures;
  report: LatencyFigures;
  csv: LatencyFigures;
  statements: number;
  /** What the report said, for the record. */
  figures: { posts: number; threads: number; periods: number; activeMembers: number; published: number };
}

function figures(latencies: number[]): LatencyFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  return { p50: rank(0.5), p95: rank(0.95), mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length, n: sorted.length };
}

async function timed(runs: number, op: () => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < WARMUP + runs; i += 1) {
    const started = performance.now();
    await op();
    if (i >= WARMUP) latencies.push(performance.now() - started);
  }
  return latencies;
}

interface ApiReport {
  activityReport: {
    activeMembers: number;
    forum: { threads: number; posts: number };
    practices: { published: number };
    periods: unknown[];
  };
}

/**
 * `activityReport` for the region over the seeded year, as its coordinator,
 * one request at a time, and its CSV export, against the baseline count of
 * the same posts through `pg` in the same run. Checked once: the report's
 * post count is the baseline's.
 */
export async function runActivityReport(
  pool: Pool,
  baseUrl: string,
  /** The API that counts statements per request (see `LoadOptions.statementsUrl`). */
  statementsUrl: string | undefined,
  viewer: SignedIn,
  progress: (message: string) => void,
): Promise<ActivityReportResult> {
  progress('activityReport: seeding a year of activity in Lombardy with set-based SQL…');
  const seed = await seedActivity(pool, viewer.userId);
  progress(`activityReport: seeded ${Object.entries(seed.counts).map(([name, n]) => `${n} ${name}`).join(', ')} in ${(seed.ms / 1_000).toFixed(1)} s (+ ${(seed.vacuumMs / 1_000).toFixed(1)} s VACUUM ANALYZE)`);
  const graphqlUrl = `${baseUrl}/graphql`;
  const territoryId = toGlobalId('Territory', seed.regionId);
  const body = JSON.stringify({ query: ACTIVITY_REPORT_QUERY, operationName: 'ActivityReport', variables: { scope: { territoryId }, from: seed.from, to: seed.to } });
  const csvUrl = `${baseUrl}/reports/activity.csv?${new URLSearchParams({ territoryId, from: seed.from, to: seed.to })}`;
  const baseline = () => pool.query<{ posts: number }>(BASELINE_SQL, [seed.regionId, seed.from, seed.to, viewer.userId]);

  const api = ((await postGraphQL(graphqlUrl, body, viewer.headers)) as ApiReport).activityReport;
  const expected = (await baseline()).rows[0]?.posts;
  if (api.forum.posts !== expected || expected < 100_000) {
    throw new Error(`activityReport: the report counts ${api.forum.posts} posts, the baseline ${expected} (at least 100,000 readable wanted)`);
  }
  const [statements = Number.NaN] = await sqlStatementsPerRequest(statementsUrl, body, viewer.headers, 1);

  progress(`activityReport: baseline count, ${SAMPLES} runs one at a time…`);
  const baselineMs = await timed(SAMPLES, baseline);
  progress(`activityReport: GraphQL activityReport, ${SAMPLES} requests one at a time…`);
  const reportMs = await timed(SAMPLES, () => postGraphQL(graphqlUrl, body, viewer.headers));
  progress(`activityReport: GET /reports/activity.csv, ${SAMPLES} requests one at a time…`);
  const csvMs = await timed(SAMPLES, async () => {
    const response = await fetch(csvUrl, { headers: viewer.headers, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    if (response.status !== 200 || !text.includes(';')) throw new Error(`activityReport CSV: HTTP ${response.status} ${text.slice(0, 200)}`);
  });
  return {
    seed,
    baseline: figures(baselineMs),
    report: figures(reportMs),
    csv: figures(csvMs),
    statements,
    figures: {
      posts: api.forum.posts,
      threads: api.forum.threads,
      periods: api.periods.length,
      activeMembers: api.activeMembers,
      published: api.practices.published,
    },
  };
}

export function renderActivityReport(result: ActivityReportResult): string {
  const ms = (value: number) => value.toFixed(1);
  const times = (value: number, base: number) => `${(value / base).toFixed(1)}×`;
  const row = (name: string, f: LatencyFigures, base: LatencyFigures | null) =>
    `  ${name.padEnd(58)} ${ms(f.p50).padStart(8)} ${ms(f.p95).padStart(8)} ${base ? times(f.p50, base.p50).padStart(8) : '-'.padStart(8)} ${base ? times(f.p95, base.p95).padStart(8) : '-'.padStart(8)}`;
  const { counts } = result.seed;
  return [
    '',
    `activityReport: Lombardy over ${result.seed.from} … ${result.seed.to}, as the coordinator of one of its ${counts.communities} communities`,
    `  seeded ${counts.threads} threads, ${counts.posts} posts, ${counts.practices} practices, ${counts.adoptions} adoptions (${(result.seed.ms / 1_000).toFixed(1)} s)`,
    `  the report read ${result.figures.posts} posts in ${result.figures.threads} threads, ${result.figures.periods} months, ${result.figures.published} practices published, ${result.figures.activeMembers} active members; ${result.statements} SQL statements`,
    `  ${''.padEnd(58)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'× p50'.padStart(8)} ${'× p95'.padStart(8)}`,
    row('baseline: SELECT count(*) of the same posts (pg)', result.baseline, null),
    row('GraphQL activityReport', result.report, result.baseline),
    row('GET /reports/activity.csv', result.csv, result.baseline),
    '',
  ].join('\n');
}
