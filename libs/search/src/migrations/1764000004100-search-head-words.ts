import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The words of a document's title, summary and tags on their own, small
 * enough to be stored with the row: a search weighs every match by them
 * without reading the whole document's words.
 */
export class SearchHeadWords1764000004100 implements MigrationInterface {
  name = 'SearchHeadWords1764000004100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE search_document
        ADD COLUMN head_it tsvector NOT NULL GENERATED ALWAYS AS (search_words('bottega_it', type, title, summary, tags, '{}', '')) STORED,
        ADD COLUMN head_en tsvector NOT NULL GENERATED ALWAYS AS (search_words('bottega_en', type, title, summary, tags, '{}', '')) STORED`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE search_document DROP COLUMN head_it, DROP COLUMN head_en`);
  }
}
