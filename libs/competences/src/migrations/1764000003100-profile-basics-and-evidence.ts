import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A competence profile's public basics (bio in Markdown with its rendered
 * HTML, an https avatar address, an organization, territories, languages),
 * its moderation (hidden_at, set when a moderator or enough flags hide it),
 * and the evidence a competence points to: its owner's own practices and
 * posts, by kind and id. Evidence follows its competence when a skill merge
 * moves it (ON UPDATE CASCADE), and goes with it.
 */
export class ProfileBasicsAndEvidence1764000003100 implements MigrationInterface {
  name = 'ProfileBasicsAndEvidence1764000003100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE competence_profile
        ADD COLUMN bio text NOT NULL DEFAULT '' CHECK (char_length(bio) <= 2000),
        ADD COLUMN bio_html text NOT NULL DEFAULT '',
        ADD COLUMN avatar_url text CHECK (avatar_url LIKE 'https://%' AND char_length(avatar_url) <= 2048),
        ADD COLUMN organization_name text CHECK (char_length(organization_name) BETWEEN 2 AND 120),
        ADD COLUMN organization_kind text
          CHECK (organization_kind IN ('PUBLIC_BODY', 'ASSOCIATION', 'FOUNDATION', 'CONSORTIUM', 'COOPERATIVE', 'COMPANY', 'OTHER')),
        ADD COLUMN languages text[] NOT NULL DEFAULT '{}'
          CHECK (cardinality(languages) <= 10 AND array_to_string(languages, ',') ~ '^([a-z]{2}(,[a-z]{2})*)?$'),
        ADD COLUMN hidden_at timestamptz(3),
        ADD CONSTRAINT competence_profile_organization_kind_has_name CHECK (organization_kind IS NULL OR organization_name IS NOT NULL)`);
    await db.query(`
      CREATE TABLE competence_profile_territory (
        user_id uuid NOT NULL REFERENCES competence_profile (user_id) ON DELETE CASCADE,
        territory_id uuid NOT NULL REFERENCES territory (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        PRIMARY KEY (user_id, territory_id)
      )`);
    await db.query(`CREATE INDEX competence_profile_territory_territory_idx ON competence_profile_territory (territory_id)`);
    await db.query(`
      CREATE TABLE competence_evidence (
        user_id uuid NOT NULL,
        skill_id uuid NOT NULL,
        subject_type text NOT NULL CHECK (subject_type IN ('Practice', 'Post')),
        subject_id uuid NOT NULL,
        position smallint NOT NULL,
        PRIMARY KEY (user_id, skill_id, subject_type, subject_id),
        FOREIGN KEY (user_id, skill_id) REFERENCES competence (user_id, skill_id) ON DELETE CASCADE ON UPDATE CASCADE
      )`);
    await db.query(`CREATE INDEX competence_evidence_subject_idx ON competence_evidence (subject_type, subject_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE competence_evidence, competence_profile_territory`);
    await db.query(`
      ALTER TABLE competence_profile
        DROP CONSTRAINT competence_profile_organization_kind_has_name,
        DROP COLUMN hidden_at,
        DROP COLUMN languages,
        DROP COLUMN organization_kind,
        DROP COLUMN organization_name,
        DROP COLUMN avatar_url,
        DROP COLUMN bio_html,
        DROP COLUMN bio`);
  }
}
