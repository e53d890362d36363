import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Practice records: Markdown sections kept as source and sanitized HTML,
 * authors (the creator first), tags shared with the forum, territories, and
 * the earlier versions of published practices.
 */
export class Practices1764000002000 implements MigrationInterface {
  name = 'Practices1764000002000';

  async up(db: QueryRunner): Promise<void> {
    const sections = ['need', 'approach', 'resources', 'results', 'difficulties', 'transferability']
      .map((name) => `${name}_source text NOT NULL DEFAULT '', ${name}_html text NOT NULL DEFAULT '',`)
      .join('\n        ');
    await db.query(`
      CREATE TABLE practice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 100),
        kind text NOT NULL CHECK (kind IN ('PRACTICE', 'STORY')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 120),
        summary text NOT NULL DEFAULT '' CHECK (char_length(summary) <= 1000),
        ${sections}
        starts_on date,
        ends_on date,
        community_id uuid REFERENCES community (id),
        project_id uuid REFERENCES project (id) ON DELETE SET NULL,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        review_comment text,
        hidden_at timestamptz(3),
        published_at timestamptz(3),
        archived_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT practice_slug_key UNIQUE (slug),
        CONSTRAINT practice_dates_in_order CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await db.query(`CREATE INDEX practice_created_idx ON practice (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX practice_community_idx ON practice (community_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX practice_project_idx ON practice (project_id)`);
    await db.query(`
      CREATE TABLE practice_author (
        practice_id uuid NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        PRIMARY KEY (practice_id, user_id)
      )`);
    // Read for every signed-in request: the practices a person authors are principals.
    await db.query(`CREATE INDEX practice_author_user_idx ON practice_author (user_id)`);
    await db.query(`
      CREATE TABLE practice_tag (
        practice_id uuid NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES tag (id),
        PRIMARY KEY (practice_id, tag_id)
      )`);
    await db.query(`CREATE INDEX practice_tag_tag_idx ON practice_tag (tag_id)`);
    await db.query(`
      CREATE TABLE practice_territory (
        practice_id uuid NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        territory_id uuid NOT NULL REFERENCES territory (id),
        PRIMARY KEY (practice_id, territory_id)
      )`);
    await db.query(`CREATE INDEX practice_territory_territory_idx ON practice_territory (territory_id)`);
    await db.query(`
      CREATE TABLE practice_version (
        practice_id uuid NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        version integer NOT NULL,
        content jsonb NOT NULL,
        made_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        made_at timestamptz(3) NOT NULL,
        PRIMARY KEY (practice_id, version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE practice_version, practice_territory, practice_tag, practice_author, practice`);
  }
}
