import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillLanguage } from '@bottega/markdown';

/**
 * Each post knows the language it is written in ('it' or 'en', detected from its own words when
 * written), so pages mark it for screen readers. Posts written before are read once here.
 */
export class PostLanguage1764000006600 implements MigrationInterface {
  name = 'PostLanguage1764000006600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE post ADD COLUMN language text NOT NULL DEFAULT 'it' CONSTRAINT post_language_code CHECK (language ~ '^[a-z]{2}$')`);
    await backfillLanguage(db, 'post');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE post DROP COLUMN language`);
  }
}
