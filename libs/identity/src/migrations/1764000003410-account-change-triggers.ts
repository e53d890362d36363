import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions ending and accounts' role or suspension changing tell every process (`bottega_account_changed`). */
export class AccountChangeTriggers1764000003410 implements MigrationInterface {
  name = 'AccountChangeTriggers1764000003410';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TRIGGER app_user_account_changed AFTER DELETE OR UPDATE OF role, suspended_at, suspended_until ON app_user
      FOR EACH ROW EXECUTE FUNCTION bottega_account_changed('id')`);
    await db.query(`
      CREATE TRIGGER auth_session_account_changed AFTER DELETE OR UPDATE OF user_id, revoked_at ON auth_session
      FOR EACH ROW EXECUTE FUNCTION bottega_account_changed('user_id')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER auth_session_account_changed ON auth_session`);
    await db.query(`DROP TRIGGER app_user_account_changed ON app_user`);
  }
}
