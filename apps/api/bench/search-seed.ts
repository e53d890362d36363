import { availableParallelism } from 'node:os';
import type { Pool, PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { Outbox, OutboxChange } from '@bottega/core';

/**
 * Size of the searchable corpus: published public practices and stories, and
 * threads in public communities with their replies. Each thread is one
 * document (its title and opening post) and each reply another, so the index
 * holds `practices + threads × postsPerThread` documents.
 */
export interface SearchSeedSize {
  practices: number;
  threads: number;
  postsPerThread: number;
  /** One item in this many goes through the outbox; the others are indexed by SQL. */
  burstEvery: number;
}

export const SEARCH_SEED_SIZE: SearchSeedSize = { practices: 30_000, threads: 14_000, postsPerThread: 5, burstEvery: 10 };

/** Items by the kind the outbox and the index name them. */
export interface SearchSubjects {
  Practice: string[];
  Thread: string[];
  Post: string[];
}

export interface SeededSearch {
  ms: number;
  subjects: SearchSubjects;
  /** The sentences, titles and place names every document's words come from. */
  texts: string[];
  /** Words of the generated texts, mean and range, over all documents. */
  words: { mean: number; min: number; max: number };
}

export interface IndexDrain {
  documents: number;
  writeMs: number;
  /** From the start of the outbox write until `search_document` held every document of the burst. */
  drainedMs: number;
}

export interface IndexFill {
  documents: number;
  ms: number;
}

/**
 * Italian writing about local welfare: words every text uses, most frequent
 * first, and topics with words of their own. A text is mostly about one
 * topic, as real ones are, so a topic's words are common in its texts and
 * rare elsewhere; within each list words are drawn with Zipf-like
 * frequencies (the word of rank r about 1/r as often as the first).
 * Inflected forms, accents and place names included.
 */
const GENERAL_WORDS = [
  'progetto', 'comunità', 'servizi', 'sociale', 'quartiere', 'territorio', 'rete', 'persone', 'cooperativa', 'associazioni',
  'comune', 'volontari', 'sociali', 'attività', 'welfare', 'operatori', 'percorso', 'bisogni', 'risorse', 'partecipazione',
  'territoriale', 'cittadini', 'laboratorio', 'gruppo', 'gruppi', 'incontri', 'sportello', 'ascolto', 'accoglienza', 'sostegno',
  'supporto', 'centro', 'piazza', 'biblioteca', 'parrocchia', 'fiducia', 'relazioni', 'legami', 'reciprocità', 'aiuto',
  'anno', 'anni', 'mesi', 'settimana', 'sede', 'spazio', 'spazi', 'ente', 'enti', 'realtà',
  'Milano', 'Torino', 'Bergamo', 'Brescia', 'Lecco', 'Como', 'Varese', 'Pavia', 'Cremona', 'Mantova',
  'Lodi', 'Monza', 'Brianza', 'Novara', 'Cuneo', 'Asti', 'Alessandria', 'Biella', 'Vercelli', 'Sondrio',
  'Giambellino', 'Lorenteggio', 'Corvetto', 'Quarto', 'Oggiaro', 'Barriera', 'Vallette', 'Mirafiori', 'Falchera', 'Salvario',
  'Lombardia', 'Piemonte', 'Valtellina', 'Ossola', 'Langhe', 'Oltrepò', 'Franciacorta', 'Lomellina', 'montagna', 'valle',
  'periferia', 'periferie', 'frazioni', 'borgo', 'paese', 'città', 'metropolitana', 'provincia', 'zona', 'via',
  'abbiamo', 'avviato', 'costruito', 'raccolto', 'incontrato', 'formato', 'accompagnato', 'sostenuto', 'organizzato', 'ascoltato',
  'funziona', 'funzionato', 'serve', 'servirebbe', 'manca', 'mancano', 'cresciuto', 'ridotto', 'aumentato', 'migliorato',
  'coinvolgere', 'coinvolto', 'coinvolte', 'difficoltà', 'ostacoli', 'resistenze', 'continuità', 'sostenibilità', 'modello', 'sperimentazione',
  'pilota', 'avvio', 'formazione', 'competenze', 'strumenti', 'metodo', 'fondazione', 'finanziamento', 'bando', 'risultati',
];

/** Topics: their words, most frequent first, and the titles of practices and threads about them. */
const TOPICS: { words: string[]; practices: string[]; threads: string[] }[] = [
  {
    words: ['anziani', 'soli', 'solitudine', 'anziano', 'anziana', 'isolamento', 'sola', 'solo', 'custode', 'vicinato', 'domiciliare', 'assistenza', 'compagnia',
      'telefonata', 'visite', 'pensionati', 'vedove', 'portierato', 'sentinelle', 'condominio', 'teleassistenza', 'over', 'prossimità', 'presidio', 'pranzo'],
    practices: ['Custodi sociali per anziani soli', 'Portierato sociale di quartiere', 'Telefonate amiche contro la solitudine', 'Sentinelle di vicinato nei condomini popolari'],
    threads: ['Come avete coinvolto gli anziani soli del quartiere', 'Portierato sociale: chi paga il custode'],
  },
  {
    words: ['caregiver', 'cura', 'demenza', 'alzheimer', 'familiari', 'badanti', 'salute', 'medici', 'infermiere', 'memoria', 'caffè', 'sollievo', 'ricovero',
      'dimissioni', 'ospedale', 'rsa', 'diurno', 'farmaci', 'farmacia', 'prevenzione', 'benessere', 'disabilità', 'fragili', 'fragilità'],
    practices: ['Caregiver familiari in rete', 'Caffè Alzheimer per famiglie e caregiver', 'Dimissioni protette e cura a domicilio'],
    threads: ['Caregiver familiari: che supporto offrite', 'Demenza e sollievo: come organizzate i turni'],
  },
  {
    words: ['povertà', 'alimentare', 'emporio', 'solidale', 'eccedenze', 'cibo', 'spesa', 'pacchi', 'recupero', 'banco', 'tessera', 'punti', 'mensa', 'pasti',
      'sprechi', 'supermercati', 'distribuzione', 'dispensa', 'frigorifero', 'cucina', 'cena', 'merenda', 'famiglie', 'bisognose'],
    practices: ['Emporio solidale contro la povertà alimentare', 'Recupero delle eccedenze alimentari', 'Mense di comunità e pranzi condivisi'],
    threads: ['Emporio solidale: chi gestisce le eccedenze', 'Povertà alimentare: tessere a punti o pacchi'],
  },
  {
    words: ['casa', 'abitare', 'affitto', 'sfratto', 'alloggi', 'alloggio', 'housing', 'abitativa', 'emergenza', 'morosità', 'coabitazione', 'case', 'popolari',
      'inquilini', 'proprietari', 'canone', 'agenzia', 'garanzia', 'dormitorio', 'senza', 'dimora', 'accoglienza', 'temporanea', 'condomini'],
    practices: ['Housing first per persone senza dimora', 'Sportello casa e prevenzione degli sfratti', 'Coabitazione tra studenti e anziani'],
    threads: ['Sfratti per morosità incolpevole: esperienze', 'Coabitazione intergenerazionale: regole e contratti'],
  },
  {
    words: ['giovani', 'ragazzi', 'scuola', 'educativa', 'doposcuola', 'adolescenti', 'ragazze', 'dispersione', 'scolastica', 'educatori', 'compiti', 'studenti',
      'oratorio', 'sport', 'musica', 'insegnanti', 'classe', 'estate', 'centri', 'aggregazione', 'animatori', 'peer', 'orientamento', 'neet'],
    practices: ['Doposcuola diffuso contro la dispersione scolastica', 'Educativa di strada con gli adolescenti', 'Centri estivi di quartiere'],
    threads: ['Doposcuola con volontari: funziona davvero', 'Volontari giovani: come trattenerli'],
  },
  {
    words: ['migranti', 'mediazione', 'culturale', 'lingua', 'italiano', 'stranieri', 'donne', 'corsi', 'richiedenti', 'asilo', 'mamme', 'mediatori', 'documenti',
      'permesso', 'soggiorno', 'cittadinanza', 'integrazione', 'intercultura', 'comunità', 'straniere', 'rifugiati', 'seconde', 'generazioni', 'interpreti'],
    practices: ['Mediazione culturale a scuola', 'Corsi di italiano per mamme straniere', 'Accoglienza diffusa dei richiedenti asilo'],
    threads: ['Mediatori culturali: dipendenti o volontari', 'Corsi di lingua: come raggiungere le donne'],
  },
  {
    words: ['lavoro', 'inserimento', 'lavorativo', 'tirocini', 'reddito', 'impresa', 'disoccupati', 'borse', 'debiti', 'bollette', 'microcredito', 'prestito',
      'risparmio', 'finanziaria', 'educazione', 'consulenza', 'imprese', 'occupazione', 'curriculum', 'colloqui', 'sussidio', 'formazione', 'professionale', 'cooperative'],
    practices: ['Tirocini di inserimento lavorativo', 'Microcredito per famiglie in difficoltà', 'Educazione finanziaria per giovani adulti'],
    threads: ['Inserimento lavorativo: come trovare le imprese', 'Microcredito: chi garantisce i prestiti'],
  },
  {
    words: ['co-progettazione', 'terzo', 'settore', 'amministrazione', 'accordo', 'convenzione', 'patto', 'collaborazione', 'beni', 'comuni', 'assessore',
      'protocollo', 'piano', 'ambito', 'distretto', 'tavolo', 'governance', 'regolamento', 'procedura', 'avviso', 'pubblico', 'partenariato', 'ufficio', 'dirigente'],
    practices: ['Co-progettazione con il terzo settore', 'Patto di collaborazione per i beni comuni', 'Tavolo di ambito per il piano di zona'],
    threads: ['Bando di co-progettazione: come vi siete organizzati', 'Cooperativa sociale e Comune: convenzione o accordo'],
  },
  {
    words: ['valutazione', 'impatto', 'indicatori', 'monitoraggio', 'dati', 'obiettivi', 'beneficiari', 'questionario', 'interviste', 'analisi', 'mappatura',
      'diagnosi', 'partecipata', 'valutare', 'misurare', 'esiti', 'cambiamento', 'teoria', 'rendicontazione', 'bilancio', 'sociale', 'ricerca', 'università', 'report'],
    practices: ['Valutazione d’impatto partecipata', 'Mappatura dei bisogni del quartiere', 'Bilancio sociale con i beneficiari'],
    threads: ['Quali indicatori usate per valutare l’impatto', 'Mappatura dei bisogni: questionario o interviste'],
  },
  {
    words: ['bambini', 'famiglie', 'infanzia', 'nidi', 'genitorialità', 'genitori', 'conciliazione', 'tempi', 'nascita', 'neonati', 'pediatra', 'consultorio',
      'ludoteca', 'gioco', 'letture', 'papà', 'nonni', 'baby', 'sitter', 'asilo', 'nido', 'spazio', 'mamma', 'bambine'],
    practices: ['Spazio famiglie per genitori e neonati', 'Nidi di comunità e conciliazione dei tempi', 'Nonni lettori nelle ludoteche'],
    threads: ['Come raggiungere le famiglie che non chiedono aiuto', 'Genitorialità: gruppi di parola o consulenze'],
  },
];

/** Function words, about two in five of the words of running Italian text. */
const FUNCTION_WORDS = [
  'di', 'e', 'il', 'la', 'che', 'per', 'con', 'del', 'della', 'dei', 'delle', 'nel', 'nella', 'nei', 'un', 'una', 'a', 'al', 'alla', 'ai',
  'in', 'è', 'sono', 'da', 'dal', 'dalla', 'gli', 'le', 'i', 'non', 'più', 'anche', 'come', 'ma', 'o', 'tra', 'su', 'sul', 'questo', 'ogni',
];
/** Of the words of a sentence: function words, then its topic's words; the rest are general words. */
const FUNCTION_SHARE = 0.4;
const TOPIC_SHARE = 0.25;
/** Of the sentences of a text: those about its own topic; the rest about any. */
const ON_TOPIC = 0.9;
/** Sentences drawn once, a topic each; texts are built from them. */
const SENTENCES = 8_000;

/**
 * Set-based seed of the searchable corpus on top of the seeded forum (its
 * accounts, public communities, tags) and the territory directory, in one
 * transaction. Texts are 80 to 300 words on one of the {@link TOPICS},
 * built from sentences of its words and general ones; each item has 1 or 2 territories (Milan and Turin most
 * often) and 0 to 3 tags. One practice in four belongs to a public community.
 */
export async function seedSearchCorpus(pool: Pool, size: SearchSeedSize = SEARCH_SEED_SIZE): Promise<SeededSearch> {
  const startedAt = performance.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL statement_timeout = '300s'`);
    await client.query(`SELECT setseed(0.42)`);
    await client.query(`CREATE TEMP TABLE su ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY email)::int AS n, id FROM app_user WHERE email LIKE 'bench-user-%'`);
    await client.query(`CREATE TEMP TABLE sc ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY slug)::int AS n, id FROM community WHERE slug LIKE 'bench-community-%' AND visibility = 'PUBLIC'`);
    // Provinces by population, roughly: the first are drawn most often.
    await client.query(
      `CREATE TEMP TABLE st ON COMMIT DROP AS
       SELECT row_number() OVER (ORDER BY array_position($1::text[], code), code)::int AS n, id, name FROM territory WHERE level = 'PROVINCE'`,
      [['IT-MI', 'IT-TO', 'IT-BS', 'IT-BG', 'IT-MB', 'IT-VA', 'IT-CN', 'IT-CO', 'IT-PV', 'IT-AL', 'IT-NO', 'IT-MN', 'IT-CR', 'IT-LC', 'IT-AT', 'IT-LO']],
    );
    await client.query(`CREATE TEMP TABLE sg ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY slug)::int AS n, id, slug FROM tag`);
    for (const table of ['su', 'sc', 'st', 'sg']) await client.query(`ALTER TABLE ${table} ADD PRIMARY KEY (n)`);
    const counts = (await client.query<{ users: number; communities: number; territories: number; tags: number }>(
      `SELECT (SELECT count(*) FROM su)::int AS users, (SELECT count(*) FROM sc)::int AS communities,
              (SELECT count(*) FROM st)::int AS territories, (SELECT count(*) FROM sg)::int AS tags`,
    )).rows[0];
    if (!counts || counts.users < 100 || counts.communities < 1 || counts.territories < 10 || counts.tags < 3) {
      throw new Error(`search seed: the forum seed and the territory directory must come first (found ${JSON.stringify(counts)})`);
    }

    await seedSentences(client);
    const html = (source: string) => `CASE WHEN ${source} = '' THEN '' ELSE '<p>' || ${source} || '</p>\n' END`;
    /** A text of about `words` words on `topic`: sentences drawn at random, most on the topic, as many as it takes. */
    const text = (words: string, topic: string) =>
      `(SELECT string_agg(s.text, ' ' ORDER BY s.k) FROM (
          SELECT d.k, s.text, sum(s.words) OVER (ORDER BY d.k) - s.words AS before
            FROM (SELECT k, CASE WHEN random() < ${ON_TOPIC} THEN ${topic} + ${TOPICS.length} * (1 + floor(random() * ${SENTENCES / TOPICS.length - 1}))::int
                                 ELSE 1 + floor(random() * ${SENTENCES})::int END AS pick
                    FROM generate_series(1, ceil(${words} / 6.0)::int + 1) k OFFSET 0) d
            JOIN ss s ON s.n = d.pick) s
         WHERE s.before < ${words})`;

    // Practices: one in five a story, one in four in a public community; sections share the words out.
    await client.query(
      `CREATE TEMP TABLE sp ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS id, n % ${TOPICS.length} AS topic, 1 + (n * 37) % $2::int AS author, CASE WHEN n % 4 = 0 THEN 1 + n % $3::int END AS c,
              ${zipf('$4::int')} AS place, date_trunc('milliseconds', now() - interval '900 days' + n * (interval '890 days' / $1::int)) AS created,
              80 + floor(random() * 221)::int AS words
         FROM generate_series(1, $1::int) n`,
      [size.practices, counts.users, counts.communities, counts.territories],
    );
    await client.query(`ALTER TABLE sp ADD PRIMARY KEY (n)`);
    await client.query(
      `CREATE TEMP TABLE sp_text ON COMMIT DROP AS
       SELECT sp.n, ${text('sp.words * 0.3', 'sp.topic')} AS need, ${text('sp.words * 0.3', 'sp.topic')} AS approach,
              CASE WHEN sp.n % 3 = 0 THEN ${text('sp.words * 0.1', 'sp.topic')} ELSE '' END AS resources, ${text('sp.words * 0.15', 'sp.topic')} AS results,
              CASE WHEN sp.n % 2 = 0 THEN ${text('sp.words * 0.1', 'sp.topic')} ELSE '' END AS difficulties,
              ${text('sp.words * 0.05', 'sp.topic')} AS transferability, ${text('12', 'sp.topic')} AS summary
         FROM sp`,
    );
    await client.query(
      `INSERT INTO practice (id, slug, kind, status, title, summary, need_source, need_html, approach_source, approach_html,
                             resources_source, resources_html, results_source, results_html, difficulties_source, difficulties_html,
                             transferability_source, transferability_html, starts_on, community_id, created_by, updated_by, published_at, created_at, updated_at)
       SELECT sp.id, 'bench-search-practice-' || sp.n, CASE WHEN sp.n % 5 = 0 THEN 'STORY' ELSE 'PRACTICE' END, 'PUBLISHED',
              ($1::jsonb -> sp.topic ->> (sp.n / ${TOPICS.length} % jsonb_array_length($1::jsonb -> sp.topic))) || ' a ' || st.name, x.summary,
              x.need, ${html('x.need')}, x.approach, ${html('x.approach')}, x.resources, ${html('x.resources')}, x.results, ${html('x.results')},
              x.difficulties, ${html('x.difficulties')}, x.transferability, ${html('x.transferability')},
              DATE '2021-01-01' + (sp.n % 900), sc.id, su.id, su.id, sp.created, sp.created, sp.created
         FROM sp JOIN sp_text x ON x.n = sp.n JOIN su ON su.n = sp.author JOIN st ON st.n = sp.place LEFT JOIN sc ON sc.n = sp.c`,
      [JSON.stringify(TOPICS.map((topic) => topic.practices))],
    );
    await client.query(`INSERT INTO practice_author (practice_id, user_id, position) SELECT sp.id, su.id, 0 FROM sp JOIN su ON su.n = sp.author`);
    await placeAndTag(client, 'practice', 'sp', counts);

    // Threads: a question or a discussion opened by its first post, then replies by others.
    await client.query(
      `CREATE TEMP TABLE sth ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS id, n % ${TOPICS.length} AS topic, 1 + (n - 1) % $2::int AS c, 1 + (n * 53) % $3::int AS author, ${zipf('$4::int')} AS place,
              date_trunc('milliseconds', now() - interval '700 days' + n * (interval '690 days' / $1::int)) AS created
         FROM generate_series(1, $1::int) n`,
      [size.threads, counts.communities, counts.users, counts.territories],
    );
    await client.query(`ALTER TABLE sth ADD PRIMARY KEY (n)`);
    await client.query(
      `INSERT INTO thread (id, community_id, author_id, kind, title, created_at, last_activity_at, post_count, participant_count)
       SELECT sth.id, sc.id, su.id, CASE WHEN sth.n % 3 = 0 THEN 'QUESTION' ELSE 'DISCUSSION' END,
              ($1::jsonb -> sth.topic ->> (sth.n / ${TOPICS.length} % jsonb_array_length($1::jsonb -> sth.topic))) || ' a ' || st.name || '?',
              sth.created, sth.created + ($2::int - 1) * interval '3 hours', $2::int, $2::int
         FROM sth JOIN sc ON sc.n = sth.c JOIN su ON su.n = sth.author JOIN st ON st.n = sth.place`,
      [JSON.stringify(TOPICS.map((topic) => topic.threads)), size.postsPerThread],
    );
    await placeAndTag(client, 'thread', 'sth', counts);
    await client.query(
      `CREATE TEMP TABLE spo ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, sth.n AS t, sth.topic, sth.id AS thread_id, p, 1 + (sth.author - 1 + (p - 1) * 211) % $1::int AS author,
              sth.created + (p - 1) * interval '3 hours' AS created, 80 + floor(random() * 221)::int AS words
         FROM sth CROSS JOIN generate_series(1, $2::int) p`,
      [counts.users, size.postsPerThread],
    );
    await client.query(
      `INSERT INTO post (id, thread_id, author_id, body_source, body_html, body_text, created_at)
       SELECT b.id, b.thread_id, su.id, b.text, '<p>' || b.text || '</p>\n', b.text, b.created
         FROM (SELECT spo.*, ${text('spo.words', 'spo.topic')} AS text FROM spo) b JOIN su ON su.n = b.author`,
    );
    await client.query(
      `INSERT INTO post_revision (post_id, version, body_source, editor_id, created_at)
       SELECT p.id, 1, p.body_source, p.author_id, p.created_at FROM post p WHERE p.id IN (SELECT id FROM spo)`,
    );
    await client.query(`INSERT INTO thread_participant (thread_id, user_id) SELECT DISTINCT thread_id, author_id FROM post WHERE thread_id IN (SELECT id FROM sth)`);
    await client.query(
      `UPDATE thread t SET participant_count = s.people
         FROM (SELECT thread_id, count(*)::int AS people FROM thread_participant WHERE thread_id IN (SELECT id FROM sth) GROUP BY thread_id) s
        WHERE s.thread_id = t.id`,
    );

    const subjects: SearchSubjects = {
      Practice: (await client.query<{ id: string }>(`SELECT id FROM sp ORDER BY n`)).rows.map((row) => row.id),
      Thread: (await client.query<{ id: string }>(`SELECT id FROM sth ORDER BY n`)).rows.map((row) => row.id),
      Post: (await client.query<{ id: string }>(`SELECT id FROM spo WHERE p > 1 ORDER BY t, p`)).rows.map((row) => row.id),
    };
    const words = (await client.query<{ mean: number; min: number; max: number }>(
      `WITH w AS (SELECT array_length(string_to_array(concat_ws(' ', need, approach, nullif(resources, ''), results, nullif(difficulties, ''), transferability), ' '), 1) AS n FROM sp_text
                  UNION ALL SELECT array_length(string_to_array(body_text, ' '), 1) FROM post WHERE id IN (SELECT id FROM spo))
       SELECT avg(n)::float8 AS mean, min(n)::int AS min, max(n)::int AS max FROM w`,
    )).rows[0];
    // Every title, summary and body is made of these: the words the documents use are theirs.
    const texts = (await client.query<{ text: string }>(
      `SELECT text FROM ss UNION ALL SELECT unnest($1::text[]) UNION ALL SELECT unnest($2::text[]) UNION ALL SELECT name FROM st`,
      [TOPICS.flatMap((topic) => topic.practices), TOPICS.flatMap((topic) => topic.threads)],
    )).rows.map((row) => row.text);
    await client.query('COMMIT');
    return { ms: performance.now() - startedAt, subjects, texts, words: words ?? { mean: Number.NaN, min: 0, max: 0 } };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A Zipf-weighted pick from 1 to `cardinality`: the first most often. */
const zipf = (cardinality: string) => `least(${cardinality}, floor(exp(random() * ln(${cardinality} + 1)))::int)`;

/**
 * Territories and tags of the seeded items in `items` (a temporary table with
 * `n`, `id`, `place`): the place in the title first, then one more place in a
 * third of them; up to three tags.
 */
async function placeAndTag(client: PoolClient, kind: 'practice' | 'thread', items: string, counts: { territories: number; tags: number }): Promise<void> {
  await client.query(
    `INSERT INTO ${kind}_territory (${kind}_id, territory_id)
     SELECT x.id, st.id FROM (SELECT i.id, CASE WHEN k = 0 THEN i.place ELSE ${zipf('$1::int')} END AS pick
                                FROM ${items} i CROSS JOIN LATERAL generate_series(0, i.n % 3 / 2) k OFFSET 0) x JOIN st ON st.n = x.pick
     ON CONFLICT DO NOTHING`,
    [counts.territories],
  );
  await client.query(
    `INSERT INTO ${kind}_tag (${kind}_id, tag_id)
     SELECT x.id, sg.id FROM (SELECT i.id, ${zipf('$1::int')} AS pick FROM ${items} i CROSS JOIN LATERAL generate_series(1, i.n % 4) k OFFSET 0) x
       JOIN sg ON sg.n = x.pick
     ON CONFLICT DO NOTHING`,
    [counts.tags],
  );
}

/**
 * The sentence pool `ss(n, text, words)`: 6 to 24 words each, about topic
 * `n % topics`; function, topic and general words in their shares, each
 * list by Zipf rank; capitalised, ending with a full stop.
 */
async function seedSentences(client: PoolClient): Promise<void> {
  const index = (length: string) => `${zipf(length)} - 1`;
  await client.query(
    `CREATE TEMP TABLE ss ON COMMIT DROP AS
     SELECT n, upper(left(body, 1)) || substr(body, 2) || '.' AS text, words FROM (
       SELECT n, 6 + n % 19 AS words,
              (SELECT string_agg(CASE WHEN r < $3 THEN $2::jsonb ->> floor(random() * jsonb_array_length($2::jsonb))::int
                                      WHEN r < $3 + $4 THEN $5::jsonb -> (n % $6::int) ->> ${index('jsonb_array_length($5::jsonb -> (n % $6::int))')}
                                      ELSE $1::jsonb ->> ${index('jsonb_array_length($1::jsonb)')} END, ' ')
                 FROM (SELECT random() AS r FROM generate_series(1, 6 + n % 19 + n * 0)) w) AS body
         FROM generate_series(1, $7::int) n) s`,
    [
      JSON.stringify(GENERAL_WORDS),
      JSON.stringify(FUNCTION_WORDS),
      FUNCTION_SHARE,
      TOPIC_SHARE,
      JSON.stringify(TOPICS.map((topic) => topic.words)),
      TOPICS.length,
      SENTENCES,
    ],
  );
  await client.query(`ALTER TABLE ss ADD PRIMARY KEY (n)`);
}

/**
 * The changes of `subjects` recorded as their writers record them
 * (`Outbox.recordAll`, one statement per kind, in one transaction whose
 * commit wakes the indexer), then waits until `search_document` holds every
 * one: the indexer's throughput through the outbox.
 */
export async function drainThroughOutbox(pool: Pool, subjects: SearchSubjects, timeoutMs: number): Promise<IndexDrain> {
  const keys = keysOf(subjects);
  const startedAt = performance.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Outbox.recordAll only runs its statement through the manager it is given.
    const manager = { query: async (sql: string, parameters?: unknown[]) => (await client.query(sql, parameters)).rows } as unknown as EntityManager;
    const outbox = new Outbox();
    for (const [kind, ids] of Object.entries(subjects) as [keyof SearchSubjects, string[]][]) {
      await outbox.recordAll(manager, { kind, subjectIds: ids, change: OutboxChange.CREATED });
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const writeMs = performance.now() - startedAt;
  for (;;) {
    const [row] = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM search_document WHERE key = ANY($1::text[])`, [keys])).rows;
    if ((row?.n ?? 0) >= keys.length) break;
    if (performance.now() - startedAt > timeoutMs) {
      throw new Error(`search index: ${row?.n ?? 0} of ${keys.length} documents indexed after ${Math.round(timeoutMs / 1_000)} s; is the indexer running?`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { documents: keys.length, writeMs, drainedMs: performance.now() - startedAt };
}

/** Every column of `search_document` a writer sets, in the engine's order. */
const COLUMNS = `key, type, id, version, title, summary, body, language, author_id, community_id, territory_ids, tags, skills, places,
                 created_at, updated_at, access0, access1, access2, access3, scopes`;

/**
 * Each territory list with its ancestors, as the indexer widens it: every
 * territory followed by those containing it, nearest first, each once; and
 * their names. `source` yields `(item, territory_id)`.
 */
const placesOf = (source: string) => `
  SELECT item, array_agg(id ORDER BY first) AS ids, array_agg(name ORDER BY first) AS names FROM (
    SELECT x.item, a.id, a.name, min(x.ord * 100 - nlevel(a.path)) AS first
      FROM (SELECT item, territory_id, row_number() OVER (PARTITION BY item ORDER BY territory_id) AS ord FROM (${source}) s) x
      JOIN territory c ON c.id = x.territory_id JOIN territory a ON a.path @> c.path
     GROUP BY x.item, a.id, a.name) p
   GROUP BY item`;

const EVERYONE = `ARRAY['everyone']`;
const FILL_CHUNK = 5_000;
const FILL_WRITERS = 4;

/**
 * The documents of public, visible items of each kind (`$1`: their ids) as
 * the indexer writes them (see the content kinds' `document` and
 * `IndexedDocuments`), at version 0 as a rebuild stamps items. Italian: the
 * generated text is.
 */
const DOCUMENTS: Record<keyof SearchSubjects, string> = {
  Practice: `
    WITH place AS (${placesOf(`SELECT practice_id AS item, territory_id FROM practice_territory WHERE practice_id = ANY($1::uuid[])`)})
    SELECT 'Practice:' || p.id, 'Practice', p.id, 0::bigint, p.title, nullif(p.summary, ''),
           concat_ws(E'\\n\\n', nullif(p.need_source, ''), nullif(p.approach_source, ''), nullif(p.resources_source, ''), nullif(p.results_source, ''),
                     nullif(p.difficulties_source, ''), nullif(p.transferability_source, ''),
                     (SELECT nullif(string_agg(o.name, E'\\n' ORDER BY o.position), '') FROM practice_organization o WHERE o.practice_id = p.id)),
           'it', p.created_by, p.community_id, coalesce(place.ids, '{}'),
           ARRAY(SELECT g.slug FROM practice_tag pt JOIN tag g ON g.id = pt.tag_id WHERE pt.practice_id = p.id ORDER BY g.slug), '{}'::text[],
           coalesce(place.names, '{}'), p.created_at, p.updated_at, ${EVERYONE}, ${EVERYONE}, ${EVERYONE}, ${EVERYONE},
           CASE WHEN p.community_id IS NULL THEN '{}'::text[] ELSE ARRAY['Community:' || p.community_id] END
      FROM practice p LEFT JOIN place ON place.item = p.id
     WHERE p.id = ANY($1::uuid[])`,
  Thread: `
    WITH place AS (${placesOf(`SELECT thread_id AS item, territory_id FROM thread_territory WHERE thread_id = ANY($1::uuid[])`)})
    SELECT 'Thread:' || t.id, 'Thread', t.id, 0::bigint, t.title, NULL, coalesce(op.body_text, ''), 'it', t.author_id, t.community_id,
           coalesce(place.ids, '{}'), ARRAY(SELECT g.slug FROM thread_tag tt JOIN tag g ON g.id = tt.tag_id WHERE tt.thread_id = t.id ORDER BY g.slug),
           '{}'::text[], coalesce(place.names, '{}'), t.created_at, greatest(t.created_at, op.edited_at),
           ${EVERYONE}, ${EVERYONE}, ${EVERYONE}, ${EVERYONE}, ARRAY['Post:' || op.id, 'Community:' || t.community_id]
      FROM thread t LEFT JOIN place ON place.item = t.id
      LEFT JOIN LATERAL (SELECT id, body_text, edited_at FROM post WHERE thread_id = t.id ORDER BY created_at, id LIMIT 1) op ON true
     WHERE t.id = ANY($1::uuid[])`,
  Post: `
    WITH place AS (${placesOf(`SELECT thread_id AS item, territory_id FROM thread_territory WHERE thread_id IN (SELECT thread_id FROM post WHERE id = ANY($1::uuid[]))`)})
    SELECT 'Post:' || p.id, 'Post', p.id, 0::bigint, t.title, NULL, p.body_text, 'it', p.author_id, t.community_id,
           coalesce(place.ids, '{}'), ARRAY(SELECT g.slug FROM thread_tag tt JOIN tag g ON g.id = tt.tag_id WHERE tt.thread_id = t.id ORDER BY g.slug),
           '{}'::text[], coalesce(place.names, '{}'), p.created_at, coalesce(p.edited_at, p.created_at),
           ${EVERYONE}, ${EVERYONE}, ${EVERYONE}, ${EVERYONE}, ARRAY['Thread:' || t.id, 'Community:' || t.community_id]
      FROM post p JOIN thread t ON t.id = p.thread_id LEFT JOIN place ON place.item = t.id
     WHERE p.id = ANY($1::uuid[])`,
};

/**
 * A sample of what the indexer wrote for the burst, rebuilt by the fill's SQL:
 * they must agree column for column (but the version), so the filled
 * documents are the indexer's. Returns how many were compared.
 */
export async function compareWithIndexer(pool: Pool, indexed: SearchSubjects, sample: number): Promise<number> {
  const columns = COLUMNS.replace('version, ', '');
  let compared = 0;
  for (const [kind, ids] of Object.entries(indexed) as [keyof SearchSubjects, string[]][]) {
    const some = ids.slice(0, sample);
    const { rows } = await pool.query<{ key: string }>(
      `WITH built (${COLUMNS}) AS (${DOCUMENTS[kind]}),
            stored AS (SELECT ${COLUMNS} FROM search_document WHERE key = ANY(SELECT '${kind}:' || unnest($1::uuid[])))
       (SELECT key FROM (SELECT ${columns} FROM built EXCEPT SELECT ${columns} FROM stored) a)
       UNION ALL
       (SELECT key FROM (SELECT ${columns} FROM stored EXCEPT SELECT ${columns} FROM built) b)`,
      [some],
    );
    if (rows.length > 0) {
      const key = rows[0]?.key ?? '';
      const detail = await pool.query(
        `WITH built (${COLUMNS}) AS (${DOCUMENTS[kind]}) SELECT 'bench' AS side, * FROM built WHERE key = $2
         UNION ALL SELECT 'indexer', ${COLUMNS} FROM search_document WHERE key = $2`,
        [some, key],
      );
      throw new Error(`search index: the fill's ${kind} documents differ from the indexer's on ${rows.length} rows, e.g. ${JSON.stringify(detail.rows).slice(0, 2_000)}`);
    }
    compared += some.length;
  }
  return compared;
}

/**
 * The rest of the corpus written into `search_document` with one
 * `INSERT … SELECT` per kind, and the words of `texts` into `search_word`
 * as the engine records the words of what it indexes.
 */
export async function fillIndex(pool: Pool, rest: SearchSubjects, texts: string[]): Promise<IndexFill> {
  const startedAt = performance.now();
  const jobs = (Object.entries(rest) as [keyof SearchSubjects, string[]][]).flatMap(([kind, ids]) =>
    Array.from({ length: Math.ceil(ids.length / FILL_CHUNK) }, (_, index) => ({ kind, ids: ids.slice(index * FILL_CHUNK, (index + 1) * FILL_CHUNK) })),
  );
  let documents = 0;
  // Building the words of a document is most of the cost, and it is CPU: one writer per core.
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(FILL_WRITERS, availableParallelism())) }, async () => {
      const client = await pool.connect();
      try {
        await client.query(`SET statement_timeout = '600s'`);
        for (let job = jobs.shift(); job; job = jobs.shift()) {
          const inserted = await client.query(`INSERT INTO search_document (${COLUMNS}) ${DOCUMENTS[job.kind]}`, [job.ids]);
          documents += inserted.rowCount ?? 0;
        }
        await client.query('RESET statement_timeout');
      } finally {
        client.release();
      }
    }),
  );
  await pool.query(
    `INSERT INTO search_word (word)
     SELECT DISTINCT w FROM unnest($1::text[]) AS t(text), unnest(tsvector_to_array(to_tsvector('simple', unaccent(t.text)))) AS w
      WHERE length(w) BETWEEN 3 AND 40 AND w ~ '^[[:alpha:]]+$'
     ON CONFLICT DO NOTHING`,
    [texts],
  );
  return { documents, ms: performance.now() - startedAt };
}

/** Fresh statistics and visibility maps for `table` (every table without one), and a checkpoint. */
export async function vacuumAnalyze(pool: Pool, table = ''): Promise<number> {
  const startedAt = performance.now();
  const client = await pool.connect();
  try {
    await client.query(`SET statement_timeout = '600s'`);
    await client.query(`VACUUM ANALYZE ${table}`);
    // The seed's pages written out now, not by a checkpoint in the middle of a figure.
    await client.query('CHECKPOINT');
    await client.query('RESET statement_timeout');
  } finally {
    client.release();
  }
  return performance.now() - startedAt;
}

/** Every `burstEvery`-th item of each kind, and the others. */
export function splitSubjects(subjects: SearchSubjects, every: number): { burst: SearchSubjects; rest: SearchSubjects } {
  const pick = (keep: boolean) => (ids: string[]) => ids.filter((_, index) => (index % every === 0) === keep);
  const split = (keep: boolean): SearchSubjects => ({ Practice: pick(keep)(subjects.Practice), Thread: pick(keep)(subjects.Thread), Post: pick(keep)(subjects.Post) });
  return { burst: split(true), rest: split(false) };
}

export function documentCount(subjects: SearchSubjects): number {
  return subjects.Practice.length + subjects.Thread.length + subjects.Post.length;
}

function keysOf(subjects: SearchSubjects): string[] {
  return (Object.entries(subjects) as [keyof SearchSubjects, string[]][]).flatMap(([kind, ids]) => ids.map((id) => `${kind}:${id}`));
}
