import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments on published practices and stories: Markdown rendered once when
 * written (as posts are), edited from the version they name, deleted softly
 * (a placeholder stays), hidden by moderation. The authors of a practice are
 * told of each new comment (PRACTICE_COMMENT).
 */
export class PracticeComments1764000002600 implements MigrationInterface {
  name = 'PracticeComments1764000002600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE practice_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        author_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        body_source text NOT NULL CHECK (char_length(body_source) BETWEEN 1 AND 5000),
        body_html text NOT NULL,
        body_text text NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        edited_at timestamptz(3),
        deleted_at timestamptz(3),
        deleted_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        hidden_at timestamptz(3)
      )`);
    await db.query(`CREATE INDEX practice_comment_practice_idx ON practice_comment (practice_id, created_at, id)`);
    await db.query(`CREATE INDEX practice_comment_author_idx ON practice_comment (author_id) WHERE deleted_at IS NULL AND hidden_at IS NULL`);
    await db.query(`
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check,
        ADD CONSTRAINT notification_kind_check CHECK (kind IN ('REPLY', 'MENTION', 'ANSWER_ACCEPTED', 'NEW_THREAD', 'CONTENT_HIDDEN', 'PRACTICE_PUBLISHED', 'PRACTICE_COMMENT'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notification WHERE kind = 'PRACTICE_COMMENT' OR subject_type = 'PracticeComment'`);
    await db.query(`
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check,
        ADD CONSTRAINT notification_kind_check CHECK (kind IN ('REPLY', 'MENTION', 'ANSWER_ACCEPTED', 'NEW_THREAD', 'CONTENT_HIDDEN', 'PRACTICE_PUBLISHED'))`);
    await db.query(`DELETE FROM content_flag WHERE case_id IN (SELECT id FROM moderation_case WHERE subject_type = 'PracticeComment')`);
    await db.query(`DELETE FROM moderation_case WHERE subject_type = 'PracticeComment'`);
    await db.query(`DROP TABLE practice_comment`);
  }
}
