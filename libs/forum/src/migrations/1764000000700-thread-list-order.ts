import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A community's thread list shows pinned threads first; these indexes carry
 * that order, so a page is read from the index instead of sorting every
 * thread of the community.
 */
export class ThreadListOrder1764000000700 implements MigrationInterface {
  name = 'ThreadListOrder1764000000700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX thread_community_activity_idx`);
    await db.query(`DROP INDEX thread_community_created_idx`);
    await db.query(`
      CREATE INDEX thread_community_activity_idx
        ON thread (community_id, (CASE WHEN pinned_at IS NULL THEN 0 ELSE 1 END) DESC, last_activity_at DESC, id DESC)`);
    await db.query(`
      CREATE INDEX thread_community_created_idx
        ON thread (community_id, (CASE WHEN pinned_at IS NULL THEN 0 ELSE 1 END) DESC, created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX thread_community_activity_idx`);
    await db.query(`DROP INDEX thread_community_created_idx`);
    await db.query(`CREATE INDEX thread_community_activity_idx ON thread (community_id, last_activity_at DESC, id DESC)`);
    await db.query(`CREATE INDEX thread_community_created_idx ON thread (community_id, created_at DESC, id DESC)`);
  }
}
