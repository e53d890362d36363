import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Threads can be edited (a version, so a stale edit is a conflict) and
 * deleted (softly: the audit log and a later restore still find the row).
 */
export class ThreadManagement1764000000900 implements MigrationInterface {
  name = 'ThreadManagement1764000000900';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE thread
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN deleted_at timestamptz(3),
        ADD COLUMN deleted_by uuid REFERENCES app_user (id) ON DELETE SET NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE thread DROP COLUMN deleted_by, DROP COLUMN deleted_at, DROP COLUMN version`);
  }
}
