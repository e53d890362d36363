import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookmarks: one per person per practice. The practice counts them on its
 * row, moved by the same statement that adds or removes a bookmark, so
 * simultaneous bookmarks keep the count exact and lists order by it.
 */
export class PracticeBookmarks1764000002300 implements MigrationInterface {
  name = 'PracticeBookmarks1764000002300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE practice_bookmark (
        practice_id uuid NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, user_id)
      )`);
    await db.query(`CREATE INDEX practice_bookmark_user_idx ON practice_bookmark (user_id, practice_id)`);
    await db.query(`ALTER TABLE practice ADD COLUMN bookmark_count integer NOT NULL DEFAULT 0 CHECK (bookmark_count >= 0)`);
    await db.query(`CREATE INDEX practice_most_bookmarked_idx ON practice (bookmark_count DESC, created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX practice_most_bookmarked_idx`);
    await db.query(`ALTER TABLE practice DROP COLUMN bookmark_count`);
    await db.query(`DROP TABLE practice_bookmark`);
  }
}
