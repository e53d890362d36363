import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ThreadsAndPosts1764000000400 implements MigrationInterface {
  name = 'ThreadsAndPosts1764000000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tag (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 40),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT tag_slug_key UNIQUE (slug)
      )`);
    await db.query(`
      CREATE TABLE thread (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES community (id) ON DELETE CASCADE,
        author_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('DISCUSSION', 'QUESTION')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 8 AND 200),
        accepted_post_id uuid,
        locked_at timestamptz(3),
        pinned_at timestamptz(3),
        post_count integer NOT NULL DEFAULT 0 CHECK (post_count >= 0),
        participant_count integer NOT NULL DEFAULT 0 CHECK (participant_count >= 0),
        last_activity_at timestamptz(3) NOT NULL DEFAULT now(),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT thread_answer_only_for_questions CHECK (accepted_post_id IS NULL OR kind = 'QUESTION')
      )`);
    await db.query(`CREATE INDEX thread_community_activity_idx ON thread (community_id, last_activity_at DESC, id DESC)`);
    await db.query(`CREATE INDEX thread_community_created_idx ON thread (community_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX thread_activity_idx ON thread (last_activity_at DESC, id DESC)`);
    await db.query(`CREATE INDEX thread_unanswered_idx ON thread (community_id, created_at DESC) WHERE kind = 'QUESTION' AND accepted_post_id IS NULL`);
    await db.query(`
      CREATE TABLE thread_tag (
        thread_id uuid NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES tag (id),
        PRIMARY KEY (thread_id, tag_id)
      )`);
    await db.query(`CREATE INDEX thread_tag_tag_idx ON thread_tag (tag_id)`);
    await db.query(`
      CREATE TABLE thread_territory (
        thread_id uuid NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
        territory_id uuid NOT NULL REFERENCES territory (id),
        PRIMARY KEY (thread_id, territory_id)
      )`);
    await db.query(`CREATE INDEX thread_territory_territory_idx ON thread_territory (territory_id)`);
    await db.query(`
      CREATE TABLE thread_participant (
        thread_id uuid NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        PRIMARY KEY (thread_id, user_id)
      )`);
    await db.query(`
      CREATE TABLE post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
        author_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        reply_to_id uuid REFERENCES post (id) ON DELETE SET NULL,
        body_source text NOT NULL CHECK (char_length(body_source) BETWEEN 1 AND 20000),
        body_html text NOT NULL,
        body_text text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        edited_at timestamptz(3),
        deleted_at timestamptz(3),
        deleted_by uuid REFERENCES app_user (id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX post_thread_idx ON post (thread_id, created_at, id)`);
    await db.query(`CREATE INDEX post_author_idx ON post (author_id, created_at DESC)`);
    await db.query(`
      ALTER TABLE thread ADD CONSTRAINT thread_accepted_post_fkey
        FOREIGN KEY (accepted_post_id) REFERENCES post (id) ON DELETE SET NULL`);
    await db.query(`
      CREATE TABLE post_revision (
        post_id uuid NOT NULL REFERENCES post (id) ON DELETE CASCADE,
        version integer NOT NULL,
        body_source text NOT NULL,
        editor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, version)
      )`);
    await db.query(`
      CREATE TABLE post_reaction (
        post_id uuid NOT NULL REFERENCES post (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('LIKE', 'HELPFUL', 'INSIGHTFUL', 'THANKS', 'CELEBRATE')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, user_id, kind)
      )`);
    await db.query(`
      CREATE TABLE post_mention (
        post_id uuid NOT NULL REFERENCES post (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        PRIMARY KEY (post_id, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE thread DROP CONSTRAINT thread_accepted_post_fkey`);
    await db.query(`DROP TABLE post_mention, post_reaction, post_revision, post, thread_participant, thread_territory, thread_tag, thread, tag`);
  }
}
