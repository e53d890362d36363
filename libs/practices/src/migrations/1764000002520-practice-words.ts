import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding practices by the first letters of words of their title or summary,
 * case and accents aside. `practice_words` reads text as lower-case words of
 * letters and digits without accents (with the `unaccent` extension, wrapped
 * as IMMUTABLE with its dictionary named, the usual way to index it);
 * `practice.words` keeps them as a tsvector (generated, so every write keeps
 * it), under a GIN index that answers prefix queries; `practice_prefix_query`
 * makes typed text a query that each typed word starts a word ("anz sol" →
 * `anz:* & sol:*`), reading it with the same function, and is null when the
 * text has no word.
 */
export class PracticeWords1764000002520 implements MigrationInterface {
  name = 'PracticeWords1764000002520';

  async up(db: QueryRunner): Promise<void> {
    const [extension]: { schema: string }[] = await db.query(
      `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`,
    );
    if (!extension) throw new Error('The unaccent extension is missing (CREATE EXTENSION unaccent)');
    const { schema } = extension;
    await db.query(`
      CREATE FUNCTION practice_words(text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT pg_catalog.regexp_replace(pg_catalog.lower(${schema}.unaccent('${schema}.unaccent'::regdictionary, $1)), '[^a-z0-9]+', ' ', 'g') $$`);
    await db.query(`
      CREATE FUNCTION practice_prefix_query(text) RETURNS tsquery
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT pg_catalog.to_tsquery('pg_catalog.simple'::regconfig, pg_catalog.string_agg(word || ':*', ' & '))
              FROM pg_catalog.unnest(pg_catalog.string_to_array(pg_catalog.btrim(practice_words($1)), ' ')) AS word WHERE word <> '' $$`);
    await db.query(`
      ALTER TABLE practice ADD COLUMN words tsvector NOT NULL
        GENERATED ALWAYS AS (to_tsvector('pg_catalog.simple'::regconfig, practice_words(title || ' ' || summary))) STORED`);
    await db.query(`CREATE INDEX practice_words_idx ON practice USING gin (words)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE practice DROP COLUMN words`);
    await db.query(`DROP FUNCTION practice_prefix_query(text)`);
    await db.query(`DROP FUNCTION practice_words(text)`);
  }
}
