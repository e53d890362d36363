import type { Pool } from 'pg';

/** Size of the seeded forum; every figure is a lower bound the brief asks for. */
export interface SeedSize {
  users: number;
  communities: number;
  threads: number;
  /** Replies in the hot thread, each by a different author, each with reactions. */
  hotPosts: number;
}

export const SEED_SIZE: SeedSize = { users: 2_000, communities: 20, threads: 4_000, hotPosts: 80 };

export interface SeededForum {
  ms: number;
  vacuumMs: number;
  hotThreadId: string;
  hotCommunityId: string;
  counts: Record<'users' | 'communities' | 'memberships' | 'threads' | 'posts' | 'reactions' | 'tags' | 'threadTags', number>;
}

const FIRST = ['Giulia', 'Marco', 'Chiara', 'Luca', 'Elena', 'Paolo', 'Sara', 'Davide', 'Francesca', 'Andrea', 'Marta', 'Matteo', 'Anna', 'Stefano', 'Laura', 'Simone', 'Valentina', 'Alberto', 'Silvia', 'Fabio'];
const LAST = ['Rossi', 'Bianchi', 'Colombo', 'Ferrari', 'Sala', 'Galli', 'Conti', 'Fontana', 'Moretti', 'Barbieri', 'Lombardi', 'Rinaldi', 'Gatti', 'Villa', 'Ferri', 'Pellegrini', 'Marchetti', 'Riva', 'Testa', 'Longo', 'Caruso', 'Monti', 'Sartori', 'Brambilla', 'Cattaneo'];
const TAGS = [
  'welfare-di-comunita', 'anziani', 'giovani', 'famiglie', 'disabilita', 'casa', 'lavoro', 'povertà-educativa', 'volontariato', 'co-progettazione',
  'terzo-settore', 'comuni', 'fondazioni', 'valutazione', 'impatto-sociale', 'rete', 'quartiere', 'cultura', 'sport', 'salute',
  'scuola', 'migranti', 'sostenibilita', 'cooperative', 'partecipazione', 'fundraising', 'formazione', 'digitale', 'mobilita', 'ambiente',
].map((tag) => tag.normalize('NFD').replace(/[^a-z0-9-]/g, ''));
const SENTENCE =
  'Nel nostro laboratorio abbiamo provato un approccio di welfare di comunità con le associazioni del quartiere, e i risultati del primo anno sono incoraggianti. ';

/**
 * Set-based seed (INSERT … SELECT generate_series, one transaction): users,
 * public thematic communities with memberships, threads with tags, posts with
 * revisions and reactions, and counters that agree with the rows (post_count,
 * participant_count and thread_participant, member_count, last_activity_at).
 * Thread number `threads` is the hot one: the newest, `hotPosts` posts by as
 * many authors, every post with reactions, some by `viewerId`.
 */
export async function seedForum(pool: Pool, viewerId: string, size: SeedSize = SEED_SIZE): Promise<SeededForum> {
  const startedAt = performance.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL statement_timeout = '300s'`);
    await client.query(
      `CREATE TEMP TABLE bu ON COMMIT DROP AS SELECT n, gen_random_uuid() AS id FROM generate_series(1, $1::int) n`,
      [size.users],
    );
    await client.query(`ALTER TABLE bu ADD PRIMARY KEY (n)`);
    await client.query(
      // ASCII emails are their own look-alike skeleton.
      `INSERT INTO app_user (id, email, email_skeleton, handle, display_name, password_hash, role, created_at, updated_at)
       SELECT id, 'bench-user-' || n || '@bench.example', 'bench-user-' || n || '@bench.example', 'bench-user-' || n,
              ($1::text[])[1 + n % cardinality($1::text[])] || ' ' || ($2::text[])[1 + (n / 7) % cardinality($2::text[])],
              '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2g$bm90LWEtcmVhbC1oYXNo', 'USER', now() - interval '600 days' + n * interval '2 hours', now()
         FROM bu`,
      [FIRST, LAST],
    );
    await client.query(`CREATE TEMP TABLE bc ON COMMIT DROP AS SELECT n, gen_random_uuid() AS id FROM generate_series(1, $1::int) n`, [
      size.communities,
    ]);
    await client.query(
      `INSERT INTO community (id, slug, name, description, kind, visibility, created_at)
       SELECT id, 'bench-community-' || n, 'Bench community ' || n, 'Seeded by the benchmark.', 'THEMATIC', 'PUBLIC', now() - interval '700 days' FROM bc`,
    );
    // Each user in three communities, the first forty coordinating one.
    await client.query(
      `INSERT INTO community_membership (community_id, user_id, role, joined_at)
       SELECT bc.id, bu.id, CASE WHEN bu.n <= 2 * $1::int AND k = 0 THEN 'COORDINATOR' ELSE 'MEMBER' END, now() - interval '500 days'
         FROM bu CROSS JOIN generate_series(0, 2) k JOIN bc ON bc.n = 1 + (bu.n + k * 7) % $1::int`,
      [size.communities],
    );
    await client.query(
      `UPDATE community c SET member_count = (SELECT count(*) FROM community_membership m WHERE m.community_id = c.id) WHERE c.id IN (SELECT id FROM bc)`,
    );

    // Threads: 6 to 46 posts (26 on average), 3 to 12 people, 0 to 3 tags each; the last one is hot (3 tags).
    await client.query(
      `CREATE TEMP TABLE bt ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS id, 1 + (n - 1) % $2::int AS c, 1 + (n * 37) % $3::int AS author,
              CASE WHEN n = $1::int THEN $4::int ELSE 6 + (n * 13) % 41 END AS posts,
              CASE WHEN n = $1::int THEN $4::int ELSE 3 + (n / 3) % 10 END AS people,
              now() - interval '360 days' + n * (interval '360 days' / $1::int) - interval '3 days' AS created
         FROM generate_series(1, $1::int) n`,
      [size.threads, size.communities, size.users, size.hotPosts],
    );
    await client.query(`ALTER TABLE bt ADD PRIMARY KEY (n)`);
    await client.query(
      `INSERT INTO thread (id, community_id, author_id, kind, title, pinned_at, created_at, last_activity_at)
       SELECT bt.id, bc.id, bu.id, CASE WHEN (bt.n / 3) % 5 = 0 THEN 'QUESTION' ELSE 'DISCUSSION' END,
              'Thread ' || bt.n || ': come avete coinvolto le famiglie nel progetto?',
              CASE WHEN bt.n % 199 = 0 THEN bt.created END, bt.created, bt.created
         FROM bt JOIN bc ON bc.n = bt.c JOIN bu ON bu.n = bt.author`,
    );
    await client.query(`INSERT INTO tag (slug) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [TAGS]);
    await client.query(
      `INSERT INTO thread_tag (thread_id, tag_id)
       SELECT bt.id, tag.id FROM bt CROSS JOIN LATERAL generate_series(0, CASE WHEN bt.n = $2::int THEN 2 ELSE (bt.n / 3) % 4 - 1 END) k
         JOIN tag ON tag.slug = ($1::text[])[1 + (bt.n * 7 + k * 11) % cardinality($1::text[])]`,
      [TAGS, size.threads],
    );

    // Post p of a thread: the first by the thread's author, then its people taking turns.
    await client.query(
      `CREATE TEMP TABLE bp ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, bt.n AS t, bt.id AS thread_id, p, 1 + (bt.author - 1 + ((p - 1) % bt.people) * 13) % $1::int AS author,
              bt.created + (p - 1) * interval '17 minutes' AS created
         FROM bt CROSS JOIN LATERAL generate_series(1, bt.posts) p`,
      [size.users],
    );
    await client.query(
      `INSERT INTO post (id, thread_id, author_id, body_source, body_html, body_text, created_at)
       SELECT bp.id, bp.thread_id, bu.id, body, '<p>' || body || '</p>', body, bp.created
         FROM bp JOIN bu ON bu.n = bp.author
         CROSS JOIN LATERAL (SELECT 'Post ' || bp.p || ' nel thread ' || bp.t || '. ' || repeat($1::text, 1 + (bp.t + bp.p) % 5) AS body) b`,
      [SENTENCE],
    );
    await client.query(
      `INSERT INTO post_revision (post_id, version, body_source, editor_id, created_at)
       SELECT id, 1, body_source, author_id, created_at FROM post WHERE thread_id IN (SELECT id FROM bt)`,
    );
    await client.query(
      `INSERT INTO thread_participant (thread_id, user_id) SELECT DISTINCT thread_id, author_id FROM post WHERE thread_id IN (SELECT id FROM bt)`,
    );
    await client.query(
      `UPDATE thread t SET post_count = s.posts, participant_count = s.people, last_activity_at = s.last
         FROM (SELECT thread_id, count(*) AS posts, count(DISTINCT author_id) AS people, max(created_at) AS last
                 FROM post WHERE thread_id IN (SELECT id FROM bt) GROUP BY thread_id) s
        WHERE s.thread_id = t.id`,
    );

    // Reactions: a third of the posts get 1 to 6; every post of the hot thread 3 to 15, a third of them by the viewer too.
    const kinds = `(ARRAY['LIKE','HELPFUL','INSIGHTFUL','THANKS','CELEBRATE'])`;
    await client.query(
      `INSERT INTO post_reaction (post_id, user_id, kind, created_at)
       SELECT bp.id, bu.id, ${kinds}[1 + (bp.p + r) % 5], bp.created + r * interval '1 minute'
         FROM bp CROSS JOIN LATERAL generate_series(1, CASE WHEN bp.t = $2::int THEN 3 + bp.p % 13 WHEN (bp.t + bp.p) % 3 = 0 THEN 1 + (bp.t * bp.p) % 6 ELSE 0 END) r
         JOIN bu ON bu.n = 1 + (bp.author + r * 29) % $1::int
       ON CONFLICT DO NOTHING`,
      [size.users, size.threads],
    );
    await client.query(
      `INSERT INTO post_reaction (post_id, user_id, kind)
       SELECT bp.id, $2::uuid, CASE WHEN bp.p % 2 = 0 THEN 'LIKE' ELSE 'HELPFUL' END FROM bp WHERE bp.t = $1::int AND bp.p % 3 = 1
       ON CONFLICT DO NOTHING`,
      [size.threads, viewerId],
    );
    const hot = await client.query<{ id: string; community_id: string }>(
      `SELECT bt.id, t.community_id FROM bt JOIN thread t ON t.id = bt.id WHERE bt.n = $1::int`,
      [size.threads],
    );
    await client.query('COMMIT');
    const seededAt = performance.now();
    // Fresh statistics and visibility map, as a database that has lived with this data would have.
    await client.query(`SET statement_timeout = '300s'`);
    await client.query('VACUUM ANALYZE');
    await client.query('RESET statement_timeout');
    const counts = await countRows(pool);
    const row = hot.rows[0];
    if (!row) throw new Error('seed: the hot thread is missing');
    return {
      ms: seededAt - startedAt,
      vacuumMs: performance.now() - seededAt,
      hotThreadId: row.id,
      hotCommunityId: row.community_id,
      counts,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function countRows(pool: Pool): Promise<SeededForum['counts']> {
  const { rows } = await pool.query<Record<keyof SeededForum['counts'], string>>(
    `SELECT (SELECT count(*) FROM app_user) AS users, (SELECT count(*) FROM community) AS communities,
            (SELECT count(*) FROM community_membership) AS memberships, (SELECT count(*) FROM thread) AS threads,
            (SELECT count(*) FROM post) AS posts, (SELECT count(*) FROM post_reaction) AS reactions,
            (SELECT count(*) FROM tag) AS tags, (SELECT count(*) FROM thread_tag) AS "threadTags"`,
  );
  const row = rows[0];
  if (!row) throw new Error('seed: no counts');
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as SeededForum['counts'];
}
