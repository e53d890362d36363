import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1764000000100 implements MigrationInterface {
  name = 'Identity1764000000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL,
        display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 2 AND 80),
        password_hash text NOT NULL,
        role text NOT NULL DEFAULT 'USER' CHECK (role IN ('USER', 'MODERATOR', 'ADMIN')),
        suspended_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT app_user_email_key UNIQUE (email)
      )`);
    await db.query(`CREATE INDEX app_user_display_name_idx ON app_user (lower(display_name) text_pattern_ops)`);
    await db.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        user_agent text,
        ip text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_refreshed_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz(3),
        revoked_reason text CHECK (revoked_reason IN ('LOGOUT', 'REUSE_DETECTED', 'SUSPENDED', 'EXPIRED'))
      )`);
    await db.query(`CREATE INDEX auth_session_user_idx ON auth_session (user_id) WHERE revoked_at IS NULL`);
    await db.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        used_at timestamptz(3),
        CONSTRAINT refresh_token_hash_key UNIQUE (token_hash)
      )`);
    await db.query(`CREATE INDEX refresh_token_session_idx ON refresh_token (session_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE refresh_token`);
    await db.query(`DROP TABLE auth_session`);
    await db.query(`DROP TABLE app_user`);
  }
}
