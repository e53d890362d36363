import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an account is (its live sessions, its role, whether it is suspended,
 * its memberships and authorships) is read once and then remembered by each
 * API process. A table that feeds it attaches this trigger, naming the column
 * that holds the account: every change then tells
 * - the connection that made it, at once, as a notice (so the process that
 *   wrote forgets before it answers), and
 * - every process, when the transaction commits, as an `accounts-changed`
 *   event on the pub/sub channel.
 */
export class AccountChanges1764000003400 implements MigrationInterface {
  name = 'AccountChanges1764000003400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION bottega_account_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        account text;
      BEGIN
        FOR account IN
          SELECT DISTINCT changed FROM unnest(ARRAY[
            CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) ->> TG_ARGV[0] END,
            CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) ->> TG_ARGV[0] END]) AS changed
           WHERE changed IS NOT NULL
        LOOP
          RAISE NOTICE USING MESSAGE = 'bottega:accounts-changed ' || account;
          PERFORM pg_notify('bottega_events', json_build_object('topic', 'accounts-changed', 'userId', account)::text);
        END LOOP;
        RETURN NULL;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION bottega_account_changed()`);
  }
}
