import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A moderator can redact an earlier version of a post (personal data edited
 * out of the post but still in its history): the text goes, who and when stay.
 */
export class RevisionRedaction1764000000960 implements MigrationInterface {
  name = 'RevisionRedaction1764000000960';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE post_revision
        ADD COLUMN redacted_at timestamptz(3),
        ADD COLUMN redacted_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        ADD CONSTRAINT post_revision_redacted_has_no_text CHECK (redacted_at IS NULL OR body_source = '')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE post_revision DROP CONSTRAINT post_revision_redacted_has_no_text, DROP COLUMN redacted_by, DROP COLUMN redacted_at`);
  }
}
