import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation cases name their item by kind and id, so every registered kind
 * of content can be flagged, and carry the principals who review them.
 */
export class ModerationOfAnyKind1764000001100 implements MigrationInterface {
  name = 'ModerationOfAnyKind1764000001100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE moderation_case
        ADD COLUMN subject_type text CHECK (subject_type ~ '^[A-Z][A-Za-z]{1,39}$'),
        ADD COLUMN subject_id uuid,
        ADD COLUMN moderators text[] NOT NULL DEFAULT '{}',
        ALTER COLUMN community_id DROP NOT NULL`);
    await db.query(`
      UPDATE moderation_case
         SET subject_type = CASE WHEN post_id IS NOT NULL THEN 'Post' ELSE 'Thread' END,
             subject_id = coalesce(post_id, thread_id),
             moderators = ARRAY['coordinator:' || community_id, 'staff']`);
    await db.query(`
      ALTER TABLE moderation_case
        ALTER COLUMN subject_type SET NOT NULL,
        ALTER COLUMN subject_id SET NOT NULL,
        ALTER COLUMN moderators DROP DEFAULT,
        DROP CONSTRAINT moderation_case_one_subject,
        DROP COLUMN post_id,
        DROP COLUMN thread_id,
        ADD CONSTRAINT moderation_case_subject_key UNIQUE (subject_type, subject_id),
        ADD CONSTRAINT moderation_case_has_moderators CHECK (cardinality(moderators) > 0)`);
    await db.query(`CREATE INDEX moderation_case_moderators_idx ON moderation_case USING gin (moderators)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE moderation_case
        ADD COLUMN post_id uuid REFERENCES post (id) ON DELETE CASCADE,
        ADD COLUMN thread_id uuid REFERENCES thread (id) ON DELETE CASCADE`);
    await db.query(`DELETE FROM moderation_case WHERE subject_type NOT IN ('Post', 'Thread') OR community_id IS NULL`);
    await db.query(`
      UPDATE moderation_case SET post_id = CASE WHEN subject_type = 'Post' THEN subject_id END,
                                 thread_id = CASE WHEN subject_type = 'Thread' THEN subject_id END`);
    await db.query(`DROP INDEX moderation_case_moderators_idx`);
    await db.query(`
      ALTER TABLE moderation_case
        DROP CONSTRAINT moderation_case_subject_key,
        DROP CONSTRAINT moderation_case_has_moderators,
        DROP COLUMN subject_type,
        DROP COLUMN subject_id,
        DROP COLUMN moderators,
        ALTER COLUMN community_id SET NOT NULL,
        ADD CONSTRAINT moderation_case_one_subject CHECK (num_nonnulls(post_id, thread_id) = 1),
        ADD CONSTRAINT moderation_case_post_key UNIQUE (post_id),
        ADD CONSTRAINT moderation_case_thread_key UNIQUE (thread_id)`);
  }
}
