import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillLanguage } from '@bottega/markdown';

/** Each comment on a practice knows the language it is written in, as posts do. */
export class PracticeCommentLanguage1764000006610 implements MigrationInterface {
  name = 'PracticeCommentLanguage1764000006610';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE practice_comment ADD COLUMN language text NOT NULL DEFAULT 'it' CONSTRAINT practice_comment_language_code CHECK (language ~ '^[a-z]{2}$')`,
    );
    await backfillLanguage(db, 'practice_comment');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE practice_comment DROP COLUMN language`);
  }
}
