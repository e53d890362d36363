import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reply is found under its thread's title too, at the lowest weight: "come
 * raggiungere gli anziani soli" finds the replies that answer it, after the
 * thread itself. The replies already indexed are written again.
 */
export class ReplyThreadTitle1764000004200 implements MigrationInterface {
  name = 'ReplyThreadTitle1764000004200';

  async up(db: QueryRunner): Promise<void> {
    await this.words(db, `setweight(to_tsvector(config, CASE WHEN type = 'Post' THEN title ELSE '' END), 'D')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.words(db, `''::tsvector`);
  }

  private async words(db: QueryRunner, replyTitle: string): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION search_words(config regconfig, type text, title text, summary text, tags text[], places text[], body text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT setweight(to_tsvector(config, CASE WHEN type = 'Post' THEN '' ELSE title END), 'A')
                  || ${replyTitle}
                  || setweight(to_tsvector(config, coalesce(summary, '') || ' ' || array_to_string(tags, ' ')), 'B')
                  || setweight(to_tsvector(config, array_to_string(places, ' ')), 'C')
                  || setweight(to_tsvector(config, body), 'C') $$`);
    // Stored words are computed when a row is written: write the replies again.
    await db.query(`UPDATE search_document SET title = title WHERE type = 'Post'`);
  }
}
