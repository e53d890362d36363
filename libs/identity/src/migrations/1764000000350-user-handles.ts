import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A unique @handle per account, for mentions and profile addresses. */
export class UserHandles1764000000350 implements MigrationInterface {
  name = 'UserHandles1764000000350';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE app_user ADD COLUMN handle citext`);
    // Existing accounts get their name as a handle, numbered where names repeat.
    await db.query(`
      WITH base AS (
        SELECT id, coalesce(nullif(left(trim(both '-' FROM regexp_replace(lower(unaccent(display_name)), '[^a-z0-9]+', '-', 'g')), 24), ''), 'user') AS stem
          FROM app_user
      ), numbered AS (
        SELECT id, stem, row_number() OVER (PARTITION BY stem ORDER BY id) AS n FROM base
      )
      UPDATE app_user u SET handle = CASE WHEN n = 1 THEN stem ELSE stem || '-' || n END
        FROM numbered WHERE numbered.id = u.id`);
    await db.query(`ALTER TABLE app_user ALTER COLUMN handle SET NOT NULL`);
    await db.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_handle_key UNIQUE (handle)`);
    await db.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_handle_format CHECK (handle ~ '^[a-z0-9][a-z0-9_-]{1,29}$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE app_user DROP COLUMN handle`);
  }
}
