import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The only code that reads and writes bookmarks of practices. */
@Injectable()
export class PracticeBookmarkRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Bookmarks the practice for the person, once: the insert and the count
   * move in one statement, the count only when a bookmark was added, under
   * the practice's row lock, so simultaneous bookmarks keep it exact.
   */
  async add(practiceId: string, userId: string): Promise<void> {
    await this.db.query(
      `WITH added AS (
         INSERT INTO practice_bookmark (practice_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING practice_id
       )
       UPDATE practice SET bookmark_count = bookmark_count + 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM added)`,
      [practiceId, userId],
    );
  }

  /** Removes the person's bookmark, if any, and counts one fewer in the same statement. */
  async remove(practiceId: string, userId: string): Promise<void> {
    await this.db.query(
      `WITH removed AS (DELETE FROM practice_bookmark WHERE practice_id = $1 AND user_id = $2 RETURNING practice_id)
       UPDATE practice SET bookmark_count = bookmark_count - 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM removed)`,
      [practiceId, userId],
    );
  }

  /** Which of the keys (`<user>:<practice>`) are bookmarks. */
  async which(keys: readonly string[]): Promise<boolean[]> {
    const pairs = keys.map((key) => key.split(':') as [string, string]);
    const rows: { key: string }[] = await this.db.query(
      `SELECT b.user_id || ':' || b.practice_id AS key FROM practice_bookmark b
        WHERE (b.user_id, b.practice_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
      [pairs.map(([user]) => user), pairs.map(([, practice]) => practice)],
    );
    const found = new Set(rows.map((row) => row.key));
    return keys.map((key) => found.has(key));
  }
}
