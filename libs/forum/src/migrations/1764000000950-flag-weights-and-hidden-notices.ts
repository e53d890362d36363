import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flags count by the trust of whoever raised them, so a handful of fresh
 * accounts cannot hide content on their own; and authors are told when their
 * content is hidden, with the reason.
 */
export class FlagWeightsAndHiddenNotices1764000000950 implements MigrationInterface {
  name = 'FlagWeightsAndHiddenNotices1764000000950';

  async up(db: QueryRunner): Promise<void> {
    // Flags raised before weights existed counted as one each; they keep that weight.
    await db.query(`ALTER TABLE content_flag ADD COLUMN weight smallint NOT NULL DEFAULT 1 CHECK (weight >= 0)`);
    await db.query(`ALTER TABLE content_flag ALTER COLUMN weight DROP DEFAULT`);
    await db.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await db.query(`
      ALTER TABLE notification
        ADD CONSTRAINT notification_kind_check CHECK (kind IN ('REPLY', 'MENTION', 'ANSWER_ACCEPTED', 'NEW_THREAD', 'CONTENT_HIDDEN')),
        ADD COLUMN reason text CHECK (char_length(reason) <= 1000),
        ADD COLUMN reason_codes text[] NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notification WHERE kind = 'CONTENT_HIDDEN'`);
    await db.query(`
      ALTER TABLE notification DROP COLUMN reason_codes, DROP COLUMN reason, DROP CONSTRAINT notification_kind_check,
        ADD CONSTRAINT notification_kind_check CHECK (kind IN ('REPLY', 'MENTION', 'ANSWER_ACCEPTED', 'NEW_THREAD'))`);
    await db.query(`ALTER TABLE content_flag DROP COLUMN weight`);
  }
}
