import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in back-off per account and client address, a per-account ceiling for
 * addresses the account has never signed in from, and an index to tell those
 * addresses apart.
 */
export class LoginThrottle1764000000800 implements MigrationInterface {
  name = 'LoginThrottle1764000000800';

  async up(db: QueryRunner): Promise<void> {
    // Keyed by the email as typed (normalized), so unknown accounts are held back like real ones.
    await db.query(`
      CREATE TABLE login_backoff (
        account text NOT NULL,
        address text NOT NULL,
        attempts integer NOT NULL,
        next_allowed_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (account, address)
      )`);
    await db.query(`CREATE INDEX login_backoff_updated_idx ON login_backoff (updated_at)`);
    await db.query(`
      CREATE TABLE login_account_ceiling (
        account text PRIMARY KEY,
        attempts integer NOT NULL,
        window_start timestamptz(3) NOT NULL
      )`);
    await db.query(`CREATE INDEX login_account_ceiling_window_idx ON login_account_ceiling (window_start)`);
    await db.query(`CREATE INDEX auth_session_user_ip_idx ON auth_session (user_id, ip)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX auth_session_user_ip_idx`);
    await db.query(`DROP TABLE login_account_ceiling`);
    await db.query(`DROP TABLE login_backoff`);
  }
}
