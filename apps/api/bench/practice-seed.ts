import type { Pool } from 'pg';

/** Size of the seeded knowledge base; the hot practice is the one the practice page opens. */
export interface PracticeSeedSize {
  practices: number;
  /** The hot practice's authors (its creator and co-authors), territories, adoptions, comments and linked threads. */
  hotAuthors: number;
  hotTerritories: number;
  hotAdoptions: number;
  hotComments: number;
  hotLinks: number;
}

export const PRACTICE_SEED_SIZE: PracticeSeedSize = { practices: 20_000, hotAuthors: 4, hotTerritories: 3, hotAdoptions: 12, hotComments: 60, hotLinks: 6 };

export interface SeededPractices {
  ms: number;
  vacuumMs: number;
  hotPracticeId: string;
  hotSlug: string;
  /** Whether the schema links threads to practices (practice_thread), so the page shows them. */
  linkedThreads: boolean;
  counts: Record<'practices' | 'authors' | 'territories' | 'tags' | 'adoptions' | 'comments' | 'bookmarks' | 'links', number>;
}

const SECTION = (text: string) => ({ source: text, html: `<p>${text}</p>\n` });
const NEED = SECTION('Anziani soli nei quartieri popolari, senza una rete di vicinato che se ne accorga.');
const APPROACH = SECTION('Un custode sociale per ogni condominio, con i servizi sociali del Comune e le associazioni del quartiere.');
const RESULTS = SECTION('Accessi al pronto soccorso ridotti del 20% in due anni; 140 anziani seguiti ogni settimana.');
const TRANSFER = SECTION('Serve un ente gestore, un accordo con il Comune e una sede di quartiere.');
const COMMENT = 'Da noi a Lecco abbiamo provato qualcosa di simile: come avete coinvolto **i medici di base**? ';

/**
 * Set-based seed of the knowledge base on top of the seeded forum (its
 * accounts, public communities, tags and threads), in one transaction:
 * published practices and stories with authors, tags and territories, some
 * adoptions and comments, and counters that agree with the rows. Practice
 * number `practices` is the hot one, the newest, in a public community: its
 * creator and co-authors, territories, adoptions by as many people, comments
 * (more than a page) by as many people, linked threads, and a bookmark by
 * `viewerId`, who is none of them.
 */
export async function seedPractices(pool: Pool, viewerId: string, size: PracticeSeedSize = PRACTICE_SEED_SIZE): Promise<SeededPractices> {
  const startedAt = performance.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL statement_timeout = '300s'`);
    const [{ linked }] = (await client.query<{ linked: boolean }>(`SELECT to_regclass('practice_thread') IS NOT NULL AS linked`)).rows as [{ linked: boolean }];
    await client.query(`CREATE TEMP TABLE pu ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY email)::int AS n, id FROM app_user WHERE email LIKE 'bench-user-%'`);
    await client.query(`CREATE TEMP TABLE pc ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY slug)::int AS n, id FROM community WHERE slug LIKE 'bench-community-%' AND visibility = 'PUBLIC'`);
    await client.query(`CREATE TEMP TABLE pt ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY code)::int AS n, id FROM territory`);
    await client.query(`CREATE TEMP TABLE ptag ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY slug)::int AS n, id FROM tag`);
    for (const table of ['pu', 'pc', 'pt', 'ptag']) await client.query(`ALTER TABLE ${table} ADD PRIMARY KEY (n)`);
    const counts = (await client.query<{ users: number; communities: number; territories: number; tags: number }>(
      `SELECT (SELECT count(*) FROM pu)::int AS users, (SELECT count(*) FROM pc)::int AS communities,
              (SELECT count(*) FROM pt)::int AS territories, (SELECT count(*) FROM ptag)::int AS tags`,
    )).rows[0];
    if (!counts || counts.users < 100 || counts.communities < 1 || counts.territories < size.hotTerritories || counts.tags < 3) {
      throw new Error(`practice seed: the forum seed must come first (found ${JSON.stringify(counts)})`);
    }

    // Every fourth practice belongs to a public community, the others to none (public); one in five is a story.
    await client.query(
      `CREATE TEMP TABLE pp ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS id, 1 + (n * 37) % $2::int AS author,
              CASE WHEN n = $1::int OR n % 4 = 0 THEN 1 + n % $3::int END AS c,
              now() - interval '720 days' + n * (interval '700 days' / $1::int) AS created
         FROM generate_series(1, $1::int) n`,
      [size.practices, counts.users, counts.communities],
    );
    await client.query(`ALTER TABLE pp ADD PRIMARY KEY (n)`);
    await client.query(
      `INSERT INTO practice (id, slug, kind, status, title, summary, need_source, need_html, approach_source, approach_html,
                             results_source, results_html, transferability_source, transferability_html,
                             starts_on, community_id, created_by, updated_by, published_at, created_at, updated_at)
       SELECT pp.id, 'bench-practice-' || pp.n, CASE WHEN pp.n % 5 = 0 THEN 'STORY' ELSE 'PRACTICE' END, 'PUBLISHED',
              'Pratica ' || pp.n || ': custodi sociali nei condomini popolari', 'Un custode sociale per ogni condominio popolare (' || pp.n || ').',
              $1, $2, $3, $4, $5, $6, $7, $8, DATE '2022-01-01' + (pp.n % 700), pc.id, pu.id, pu.id, pp.created, pp.created, pp.created
         FROM pp JOIN pu ON pu.n = pp.author LEFT JOIN pc ON pc.n = pp.c`,
      [NEED.source, NEED.html, APPROACH.source, APPROACH.html, RESULTS.source, RESULTS.html, TRANSFER.source, TRANSFER.html],
    );
    // Authors: the creator, then one co-author in three practices; the hot one has `hotAuthors`.
    await client.query(
      `INSERT INTO practice_author (practice_id, user_id, position)
       SELECT pp.id, pu.id, k FROM pp
         CROSS JOIN LATERAL generate_series(0, CASE WHEN pp.n = $1::int THEN $3::int - 1 WHEN pp.n % 3 = 0 THEN 1 ELSE 0 END) k
         JOIN pu ON pu.n = 1 + (pp.author - 1 + k * 101) % $2::int`,
      [size.practices, counts.users, size.hotAuthors],
    );
    await client.query(
      `INSERT INTO practice_tag (practice_id, tag_id)
       SELECT pp.id, g.id FROM pp CROSS JOIN LATERAL generate_series(0, 1 + pp.n % 2) k
         JOIN ptag g ON g.n = 1 + (pp.n * 7 + k * 11) % $1::int
       ON CONFLICT DO NOTHING`,
      [counts.tags],
    );
    await client.query(
      `INSERT INTO practice_territory (practice_id, territory_id)
       SELECT pp.id, pt.id FROM pp CROSS JOIN LATERAL generate_series(0, CASE WHEN pp.n = $1::int THEN $3::int - 1 ELSE pp.n % 2 END) k
         JOIN pt ON pt.n = 1 + (pp.n * 13 + k * 5) % $2::int
       ON CONFLICT DO NOTHING`,
      [size.practices, counts.territories, size.hotTerritories],
    );
    // Adoptions: one practice in seven has one; the hot one `hotAdoptions`, each recorded by someone else.
    await client.query(
      `INSERT INTO practice_adoption (practice_id, territory_id, organization_name, adopted_on, notes, outcome, recorded_by, created_at, updated_at)
       SELECT pp.id, pt.id, 'Cooperativa ' || k, DATE '2024-01-01' + k * 9, 'Avviata con il Comune e due associazioni (' || k || ').',
              (ARRAY['ADOPTING','ADOPTED','ADAPTED','ABANDONED'])[1 + k % 4], pu.id, pp.created + k * interval '1 day', pp.created + k * interval '1 day'
         FROM pp CROSS JOIN LATERAL generate_series(1, CASE WHEN pp.n = $1::int THEN $4::int WHEN pp.n % 7 = 0 THEN 1 ELSE 0 END) k
         JOIN pt ON pt.n = 1 + (pp.n + k * 3) % $3::int
         JOIN pu ON pu.n = 1 + (pp.author + 500 + k * 17) % $2::int`,
      [size.practices, counts.users, counts.territories, size.hotAdoptions],
    );
    await client.query(
      `UPDATE practice p SET adoption_count = a.n FROM (SELECT practice_id, count(*)::int AS n FROM practice_adoption GROUP BY practice_id) a
        WHERE a.practice_id = p.id AND p.id IN (SELECT id FROM pp)`,
    );
    // Comments: 0 to 3 on most practices; the hot one `hotComments`, each by someone else.
    await client.query(
      `INSERT INTO practice_comment (practice_id, author_id, body_source, body_html, body_text, created_at)
       SELECT pp.id, pu.id, $4 || k, '<p>' || replace($4, '**i medici di base**', '<strong>i medici di base</strong>') || k || '</p>\n',
              replace($4, '**', '') || k, pp.created + k * interval '1 hour'
         FROM pp CROSS JOIN LATERAL generate_series(1, CASE WHEN pp.n = $1::int THEN $3::int ELSE pp.n % 4 END) k
         JOIN pu ON pu.n = 1 + (pp.author + 900 + k * 23) % $2::int`,
      [size.practices, counts.users, size.hotComments, COMMENT],
    );
    const [hot] = (await client.query<{ id: string; slug: string; community_id: string }>(
      `SELECT pp.id, p.slug, p.community_id FROM pp JOIN practice p ON p.id = pp.id WHERE pp.n = $1::int`,
      [size.practices],
    )).rows;
    if (!hot) throw new Error('practice seed: the hot practice is missing');
    await client.query(`INSERT INTO practice_bookmark (practice_id, user_id) VALUES ($1, $2)`, [hot.id, viewerId]);
    await client.query(`UPDATE practice SET bookmark_count = 1 WHERE id = $1`, [hot.id]);
    if (linked) {
      await client.query(
        `INSERT INTO practice_thread (practice_id, thread_id, linked_by, linked_at)
         SELECT $1, t.id, t.author_id, now() - (row_number() OVER (ORDER BY t.id)) * interval '1 minute'
           FROM (SELECT id, author_id FROM thread WHERE community_id = $2 AND deleted_at IS NULL AND hidden_at IS NULL ORDER BY id LIMIT $3) t`,
        [hot.id, hot.community_id, size.hotLinks],
      );
    }
    await client.query('COMMIT');
    const seededAt = performance.now();
    await client.query(`SET statement_timeout = '300s'`);
    for (const table of ['practice', 'practice_author', 'practice_tag', 'practice_territory', 'practice_adoption', 'practice_comment', 'practice_bookmark']) {
      await client.query(`VACUUM ANALYZE ${table}`);
    }
    if (linked) await client.query(`VACUUM ANALYZE practice_thread`);
    await client.query('RESET statement_timeout');
    return {
      ms: seededAt - startedAt,
      vacuumMs: performance.now() - seededAt,
      hotPracticeId: hot.id,
      hotSlug: hot.slug,
      linkedThreads: linked,
      counts: await countRows(pool, linked),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function countRows(pool: Pool, linked: boolean): Promise<SeededPractices['counts']> {
  const { rows } = await pool.query<Record<keyof SeededPractices['counts'], string>>(
    `SELECT (SELECT count(*) FROM practice) AS practices, (SELECT count(*) FROM practice_author) AS authors,
            (SELECT count(*) FROM practice_territory) AS territories, (SELECT count(*) FROM practice_tag) AS tags,
            (SELECT count(*) FROM practice_adoption) AS adoptions, (SELECT count(*) FROM practice_comment) AS comments,
            (SELECT count(*) FROM practice_bookmark) AS bookmarks, ${linked ? '(SELECT count(*) FROM practice_thread)' : '0'} AS links`,
  );
  const row = rows[0];
  if (!row) throw new Error('practice seed: no counts');
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as SeededPractices['counts'];
}
