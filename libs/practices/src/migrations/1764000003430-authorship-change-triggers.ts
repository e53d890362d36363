import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Authorship is a principal: adding or removing an author tells every process (`bottega_account_changed`). */
export class AuthorshipChangeTriggers1764000003430 implements MigrationInterface {
  name = 'AuthorshipChangeTriggers1764000003430';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TRIGGER practice_author_account_changed AFTER INSERT OR DELETE OR UPDATE OF user_id, practice_id ON practice_author
      FOR EACH ROW EXECUTE FUNCTION bottega_account_changed('user_id')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER practice_author_account_changed ON practice_author`);
  }
}
