import type { Pool } from 'pg';

/** Size of the seeded people and knowledge base; each is a lower bound the brief asks for. */
export interface PeersSeedSize {
  profiles: number;
  publishedPractices: number;
  draftPractices: number;
}

export const PEERS_SEED_SIZE: PeersSeedSize = { profiles: 10_000, publishedPractices: 20_000, draftPractices: 2_000 };

export interface SeededPeers {
  ms: number;
  vacuumMs: number;
  counts: Record<'profiles' | 'competences' | 'endorsements' | 'profileTerritories' | 'publishedPractices' | 'practiceTags', number>;
}

const FIRST = ['Giulia', 'Marco', 'Chiara', 'Luca', 'Elena', 'Paolo', 'Sara', 'Davide', 'Francesca', 'Andrea', 'Marta', 'Matteo', 'Anna', 'Stefano', 'Laura'];
const LAST = ['Rossi', 'Bianchi', 'Colombo', 'Ferrari', 'Sala', 'Galli', 'Conti', 'Fontana', 'Moretti', 'Barbieri', 'Lombardi', 'Rinaldi', 'Brambilla'];

/**
 * Set-based seed (INSERT … SELECT generate_series, one transaction) of people
 * who might be suggested as peers: accounts with competence profiles (7 in 10
 * public, 2 members-only, 1 hidden; 3 in 5 open to exchanges, 1 mentoring, 1
 * not available), 3 to 6 competences each at every level across the whole
 * taxonomy, 0 to 7 endorsements of each by other seeded people, one or two
 * territories (1 in 10 none); and published practices (plus drafts) by one or
 * two of them, each with 1 to 3 of the tags skills stand for and a territory.
 */
export async function seedPeers(pool: Pool, size: PeersSeedSize = PEERS_SEED_SIZE): Promise<SeededPeers> {
  const startedAt = performance.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL statement_timeout = '300s'`);
    const skills = (await client.query<{ id: string }>(`SELECT id FROM skill WHERE merged_into IS NULL ORDER BY key`)).rows.map((row) => row.id);
    const territories = (await client.query<{ id: string }>(`SELECT id FROM territory ORDER BY code`)).rows.map((row) => row.id);
    const tags = (await client.query<{ slug: string }>(`SELECT DISTINCT tag_slug AS slug FROM skill_tag ORDER BY 1`)).rows.map((row) => row.slug);
    if (skills.length < 6 || territories.length === 0 || tags.length === 0) throw new Error('seed: the taxonomy, territories or skill tags are missing');

    await client.query(`CREATE TEMP TABLE pu ON COMMIT DROP AS SELECT n, gen_random_uuid() AS id FROM generate_series(1, $1::int) n`, [size.profiles]);
    await client.query(`ALTER TABLE pu ADD PRIMARY KEY (n)`);
    await client.query(
      `INSERT INTO app_user (id, email, email_skeleton, handle, display_name, password_hash, role, created_at, updated_at)
       SELECT id, 'bench-peer-' || n || '@bench.example', 'bench-peer-' || n || '@bench.example', 'bench-peer-' || n,
              ($1::text[])[1 + n % cardinality($1::text[])] || ' ' || ($2::text[])[1 + (n / 5) % cardinality($2::text[])],
              '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2g$bm90LWEtcmVhbC1oYXNo', 'USER', now() - interval '400 days', now()
         FROM pu`,
      [FIRST, LAST],
    );
    await client.query(
      `INSERT INTO competence_profile (user_id, visibility, availability, created_at, updated_at)
       SELECT id, CASE WHEN n % 10 = 0 THEN 'HIDDEN' WHEN n % 10 IN (1, 2) THEN 'MEMBERS_ONLY' ELSE 'PUBLIC' END,
              CASE WHEN n % 5 = 0 THEN 'NOT_AVAILABLE' WHEN n % 5 = 1 THEN 'MENTORING' ELSE 'OPEN_TO_EXCHANGE' END,
              now() - interval '300 days', now() - n * interval '1 minute'
         FROM pu`,
    );
    // 3 to 6 distinct skills each (13 and the number of skills share no factor, so k = 0…5 give distinct skills).
    await client.query(
      `INSERT INTO competence (user_id, skill_id, level, evidence, position)
       SELECT pu.id, ($1::uuid[])[1 + (pu.n * 7 + k * 13) % cardinality($1::uuid[])],
              (ARRAY['AWARE', 'PRACTITIONER', 'EXPERIENCED', 'EXPERT'])[1 + (pu.n + k * 3) % 4], '', k
         FROM pu CROSS JOIN LATERAL generate_series(0, 2 + pu.n % 4) k
       ON CONFLICT DO NOTHING`,
      [skills],
    );
    await client.query(
      `INSERT INTO endorsement (user_id, skill_id, endorser_id, created_at)
       SELECT c.user_id, c.skill_id, e.id, now() - interval '100 days'
         FROM competence c JOIN pu ON pu.id = c.user_id
         CROSS JOIN LATERAL generate_series(1, (pu.n + c.position * 5) % 8) r
         JOIN pu e ON e.n = 1 + (pu.n + r * 97) % $1::int
        WHERE e.id <> c.user_id
       ON CONFLICT DO NOTHING`,
      [size.profiles],
    );
    await client.query(
      `INSERT INTO competence_profile_territory (user_id, territory_id, position)
       SELECT pu.id, ($1::uuid[])[1 + (pu.n * 3 + k * 5) % cardinality($1::uuid[])], k
         FROM pu CROSS JOIN LATERAL generate_series(0, pu.n % 2) k
        WHERE pu.n % 10 <> 3
       ON CONFLICT DO NOTHING`,
      [territories],
    );

    const practices = size.publishedPractices + size.draftPractices;
    await client.query(
      `CREATE TEMP TABLE pp ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS id, 1 + (n * 31) % $2::int AS author, n > $3::int AS draft,
              now() - interval '700 days' + n * (interval '690 days' / $1::int) AS created
         FROM generate_series(1, $1::int) n`,
      [practices, size.profiles, size.publishedPractices],
    );
    await client.query(`ALTER TABLE pp ADD PRIMARY KEY (n)`);
    await client.query(
      `INSERT INTO practice (id, slug, kind, status, title, summary, created_by, updated_by, published_at, created_at, updated_at)
       SELECT pp.id, 'bench-peer-practice-' || pp.n, 'PRACTICE', CASE WHEN pp.draft THEN 'DRAFT' ELSE 'PUBLISHED' END,
              'Pratica di rete ' || pp.n || ': raccolta fondi e volontariato', 'Una pratica seminata dal benchmark (' || pp.n || ').',
              pu.id, pu.id, CASE WHEN pp.draft THEN NULL ELSE pp.created END, pp.created, pp.created
         FROM pp JOIN pu ON pu.n = pp.author`,
    );
    await client.query(
      `INSERT INTO practice_author (practice_id, user_id, position)
       SELECT pp.id, pu.id, k FROM pp CROSS JOIN LATERAL generate_series(0, pp.n % 2) k
         JOIN pu ON pu.n = 1 + (pp.author - 1 + k * 101) % $1::int
       ON CONFLICT DO NOTHING`,
      [size.profiles],
    );
    await client.query(`INSERT INTO tag (slug) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [tags]);
    await client.query(
      `INSERT INTO practice_tag (practice_id, tag_id)
       SELECT pp.id, tag.id FROM pp CROSS JOIN LATERAL generate_series(0, pp.n % 3) k
         JOIN tag ON tag.slug = ($1::text[])[1 + (pp.n * 11 + k * 17) % cardinality($1::text[])]
       ON CONFLICT DO NOTHING`,
      [tags],
    );
    await client.query(
      `INSERT INTO practice_territory (practice_id, territory_id)
       SELECT pp.id, ($1::uuid[])[1 + pp.n % cardinality($1::uuid[])] FROM pp ON CONFLICT DO NOTHING`,
      [territories],
    );
    await client.query('COMMIT');
    const seededAt = performance.now();
    await client.query(`SET statement_timeout = '300s'`);
    await client.query('VACUUM ANALYZE');
    await client.query('RESET statement_timeout');
    const { rows } = await client.query<Record<keyof SeededPeers['counts'], string>>(
      `SELECT (SELECT count(*) FROM competence_profile) AS profiles, (SELECT count(*) FROM competence) AS competences,
              (SELECT count(*) FROM endorsement) AS endorsements, (SELECT count(*) FROM competence_profile_territory) AS "profileTerritories",
              (SELECT count(*) FROM practice WHERE status = 'PUBLISHED') AS "publishedPractices", (SELECT count(*) FROM practice_tag) AS "practiceTags"`,
    );
    const row = rows[0];
    if (!row) throw new Error('seed: no counts');
    const counts = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as SeededPeers['counts'];
    return { ms: seededAt - startedAt, vacuumMs: performance.now() - seededAt, counts };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
