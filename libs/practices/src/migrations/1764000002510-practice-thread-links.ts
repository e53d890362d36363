import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forum threads linked to a practice by its authors: once each, in the order
 * linked. A deleted thread row takes its links with it; readers see only the
 * linked threads they may read, decided by the forum.
 */
export class PracticeThreadLinks1764000002510 implements MigrationInterface {
  name = 'PracticeThreadLinks1764000002510';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE practice_thread (
        practice_id uuid NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        thread_id uuid NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
        linked_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        linked_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (practice_id, thread_id)
      )`);
    await db.query(`CREATE INDEX practice_thread_thread_idx ON practice_thread (thread_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE practice_thread`);
  }
}
