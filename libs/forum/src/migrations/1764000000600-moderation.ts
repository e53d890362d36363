import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Moderation1764000000600 implements MigrationInterface {
  name = 'Moderation1764000000600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE post ADD COLUMN hidden_at timestamptz(3)`);
    await db.query(`ALTER TABLE thread ADD COLUMN hidden_at timestamptz(3)`);
    // A suspension without an end lasts until it is lifted.
    await db.query(`
      ALTER TABLE app_user ADD COLUMN suspended_until timestamptz(3),
        ADD CONSTRAINT app_user_suspension_has_start CHECK (suspended_until IS NULL OR suspended_at IS NOT NULL)`);
    // One case per flagged item: it reopens when flagged again after a decision.
    await db.query(`
      CREATE TABLE moderation_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid REFERENCES post (id) ON DELETE CASCADE,
        thread_id uuid REFERENCES thread (id) ON DELETE CASCADE,
        community_id uuid NOT NULL REFERENCES community (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RESOLVED')),
        last_flagged_at timestamptz(3) NOT NULL DEFAULT now(),
        resolved_at timestamptz(3),
        resolved_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        resolution text CHECK (resolution IN ('HIDE', 'RESTORE', 'DELETE', 'LOCK', 'UNLOCK', 'DISMISS_FLAGS')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT moderation_case_one_subject CHECK (num_nonnulls(post_id, thread_id) = 1),
        CONSTRAINT moderation_case_resolved_at CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL)),
        CONSTRAINT moderation_case_post_key UNIQUE (post_id),
        CONSTRAINT moderation_case_thread_key UNIQUE (thread_id)
      )`);
    await db.query(`CREATE INDEX moderation_case_queue_idx ON moderation_case (status, last_flagged_at DESC, id DESC)`);
    await db.query(`CREATE INDEX moderation_case_community_idx ON moderation_case (community_id, status, last_flagged_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE content_flag (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES moderation_case (id) ON DELETE CASCADE,
        flagger_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (reason IN ('SPAM', 'OFFENSIVE', 'OFF_TOPIC', 'PRIVACY', 'OTHER')),
        note text CHECK (char_length(note) <= 500),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        resolved_at timestamptz(3),
        CONSTRAINT content_flag_once_per_person UNIQUE (case_id, flagger_id)
      )`);
    await db.query(`CREATE INDEX content_flag_pending_idx ON content_flag (case_id) WHERE resolved_at IS NULL`);
    await db.query(`CREATE INDEX content_flag_flagger_idx ON content_flag (flagger_id)`);
    // Shared by every feature that records what staff (or the system) did; append-only.
    await db.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        action text NOT NULL CHECK (action ~ '^[A-Z][A-Z_]{1,39}$'),
        subject_type text NOT NULL CHECK (subject_type ~ '^[A-Z][A-Za-z]{1,39}$'),
        subject_id uuid NOT NULL,
        reason text CHECK (char_length(reason) <= 1000),
        metadata jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id, created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log, content_flag, moderation_case`);
    await db.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_suspension_has_start, DROP COLUMN suspended_until`);
    await db.query(`ALTER TABLE thread DROP COLUMN hidden_at`);
    await db.query(`ALTER TABLE post DROP COLUMN hidden_at`);
  }
}
