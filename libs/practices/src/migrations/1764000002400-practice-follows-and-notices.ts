import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Practices can be followed, and their publication is a kind of notification. */
export class PracticeFollowsAndNotices1764000002400 implements MigrationInterface {
  name = 'PracticeFollowsAndNotices1764000002400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE follow DROP CONSTRAINT follow_subject_type_check,
        ADD CONSTRAINT follow_subject_type_check CHECK (subject_type IN ('THREAD', 'COMMUNITY', 'TAG', 'TERRITORY', 'PRACTICE'))`);
    await db.query(`
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check,
        ADD CONSTRAINT notification_kind_check CHECK (kind IN ('REPLY', 'MENTION', 'ANSWER_ACCEPTED', 'NEW_THREAD', 'CONTENT_HIDDEN', 'PRACTICE_PUBLISHED'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notification WHERE kind = 'PRACTICE_PUBLISHED'`);
    await db.query(`DELETE FROM follow WHERE subject_type = 'PRACTICE'`);
    await db.query(`
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check,
        ADD CONSTRAINT notification_kind_check CHECK (kind IN ('REPLY', 'MENTION', 'ANSWER_ACCEPTED', 'NEW_THREAD', 'CONTENT_HIDDEN'))`);
    await db.query(`
      ALTER TABLE follow DROP CONSTRAINT follow_subject_type_check,
        ADD CONSTRAINT follow_subject_type_check CHECK (subject_type IN ('THREAD', 'COMMUNITY', 'TAG', 'TERRITORY'))`);
  }
}
