import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL search engine's index.
 *
 * - `bottega_it` and `bottega_en`: the Italian and English text search
 *   configurations with accents removed before stemming, so "comunita" finds
 *   "comunità" and "cooperative" finds "cooperativa".
 * - `search_document`: one row per indexed item, its words weighted (title A,
 *   summary and tags B, the names of its places and its body C) under both configurations, generated so they
 *   can never disagree with the text. Who may find it is in four access
 *   slots: a reader must hold one principal of each.
 * - `search_word`: every word the documents use, accents and case folded,
 *   with a trigram index: a misspelt query word is corrected to the nearest
 *   ones ("anzaini" → "anziani").
 * - `search_build`: when each engine's index was last built from the
 *   database (a process that finds none builds it).
 */
export class SearchDocuments1764000004000 implements MigrationInterface {
  name = 'SearchDocuments1764000004000';

  async up(db: QueryRunner): Promise<void> {
    const [extension]: { schema: string }[] = await db.query(
      `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`,
    );
    if (!extension) throw new Error('The unaccent extension is missing (CREATE EXTENSION unaccent)');
    const tokens = 'asciiword, asciihword, hword_asciipart, word, hword, hword_part';
    for (const [name, language] of [
      ['bottega_it', 'italian'],
      ['bottega_en', 'english'],
    ] as const) {
      await db.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = pg_catalog.${language})`);
      await db.query(`ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR ${tokens} WITH ${extension.schema}.unaccent, ${language}_stem`);
    }
    // A reply shows its thread's title but is found by its own words: the thread is found by the title.
    await db.query(`
      CREATE FUNCTION search_words(config regconfig, type text, title text, summary text, tags text[], places text[], body text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT setweight(to_tsvector(config, CASE WHEN type = 'Post' THEN '' ELSE title END), 'A')
                  || setweight(to_tsvector(config, coalesce(summary, '') || ' ' || array_to_string(tags, ' ')), 'B')
                  || setweight(to_tsvector(config, array_to_string(places, ' ')), 'C')
                  || setweight(to_tsvector(config, body), 'C') $$`);
    await db.query(`
      CREATE TABLE search_document (
        key text PRIMARY KEY,
        type text NOT NULL,
        id uuid NOT NULL,
        version bigint NOT NULL CHECK (version >= 0),
        title text NOT NULL,
        summary text,
        body text NOT NULL,
        language text NOT NULL CHECK (language IN ('it', 'en')),
        author_id uuid,
        community_id uuid,
        territory_ids uuid[] NOT NULL,
        tags text[] NOT NULL,
        skills text[] NOT NULL,
        places text[] NOT NULL,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        access0 text[] NOT NULL,
        access1 text[] NOT NULL,
        access2 text[] NOT NULL,
        access3 text[] NOT NULL,
        scopes text[] NOT NULL,
        words_it tsvector NOT NULL GENERATED ALWAYS AS (search_words('bottega_it', type, title, summary, tags, places, body)) STORED,
        words_en tsvector NOT NULL GENERATED ALWAYS AS (search_words('bottega_en', type, title, summary, tags, places, body)) STORED
      )`);
    await db.query(`CREATE INDEX search_document_words_it_idx ON search_document USING gin (words_it)`);
    await db.query(`CREATE INDEX search_document_words_en_idx ON search_document USING gin (words_en)`);
    await db.query(`CREATE INDEX search_document_territories_idx ON search_document USING gin (territory_ids)`);
    await db.query(`CREATE INDEX search_document_tags_idx ON search_document USING gin (tags)`);
    await db.query(`CREATE INDEX search_document_scopes_idx ON search_document USING gin (scopes)`);
    await db.query(`CREATE INDEX search_document_created_idx ON search_document (created_at DESC, key)`);
    // Any of several queries: the OR of tsqueries, as an aggregate.
    await db.query(`CREATE AGGREGATE search_any(tsquery) (SFUNC = tsquery_or, STYPE = tsquery)`);
    await db.query(`CREATE TABLE search_word (word text PRIMARY KEY)`);
    await db.query(`CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops)`);
    await db.query(`CREATE TABLE search_build (engine text PRIMARY KEY, documents integer NOT NULL, built_at timestamptz(3) NOT NULL DEFAULT now())`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE search_build, search_word, search_document`);
    await db.query(`DROP AGGREGATE search_any(tsquery)`);
    await db.query(`DROP FUNCTION search_words(regconfig, text, text, text, text[], text[], text)`);
    await db.query(`DROP TEXT SEARCH CONFIGURATION bottega_en`);
    await db.query(`DROP TEXT SEARCH CONFIGURATION bottega_it`);
  }
}
