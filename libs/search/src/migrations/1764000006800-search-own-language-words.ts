import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The document's own configuration, as a constant per branch (a generated column must not look one up). */
const OWN = `CASE WHEN language = 'en' THEN 'bottega_en'::regconfig ELSE 'bottega_it'::regconfig END`;

/**
 * A document's words under its own language only: one column (`words`, and
 * `head` for its title, summary and tags) where there were two. A query is
 * analysed under both languages and either analysis may match, so an
 * Italian query finds English documents and the other way round as before;
 * what goes is the Italian text read as English (and the English read as
 * Italian), which matched only what its own analysis matches, and cost every
 * search a second index to read and every write a second analysis.
 */
export class SearchOwnLanguageWords1764000006800 implements MigrationInterface {
  name = 'SearchOwnLanguageWords1764000006800';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE search_document
        DROP COLUMN words_it, DROP COLUMN words_en, DROP COLUMN head_it, DROP COLUMN head_en,
        ADD COLUMN words tsvector NOT NULL GENERATED ALWAYS AS (search_words(${OWN}, type, title, summary, tags, places, body)) STORED,
        ADD COLUMN head tsvector NOT NULL GENERATED ALWAYS AS (search_words(${OWN}, type, title, summary, tags, '{}', '')) STORED`);
    await db.query(`CREATE INDEX search_document_words_idx ON search_document USING gin (words)`);
  }

  async down(db: QueryRunner): Promise<void> {
    const words = (config: string, places: string, body: string) => `search_words('${config}', type, title, summary, tags, ${places}, ${body})`;
    await db.query(`
      ALTER TABLE search_document
        DROP COLUMN words, DROP COLUMN head,
        ADD COLUMN words_it tsvector NOT NULL GENERATED ALWAYS AS (${words('bottega_it', 'places', 'body')}) STORED,
        ADD COLUMN words_en tsvector NOT NULL GENERATED ALWAYS AS (${words('bottega_en', 'places', 'body')}) STORED,
        ADD COLUMN head_it tsvector NOT NULL GENERATED ALWAYS AS (${words('bottega_it', `'{}'`, `''`)}) STORED,
        ADD COLUMN head_en tsvector NOT NULL GENERATED ALWAYS AS (${words('bottega_en', `'{}'`, `''`)}) STORED`);
    await db.query(`CREATE INDEX search_document_words_it_idx ON search_document USING gin (words_it)`);
    await db.query(`CREATE INDEX search_document_words_en_idx ON search_document USING gin (words_en)`);
  }
}
