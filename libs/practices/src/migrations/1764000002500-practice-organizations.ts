import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = ['MUNICIPALITY', 'PUBLIC_BODY', 'ASSOCIATION', 'SOCIAL_COOPERATIVE', 'FOUNDATION', 'ENTERPRISE', 'INFORMAL_GROUP', 'SCHOOL_OR_UNIVERSITY', 'HEALTH_SERVICE', 'OTHER'];
const ROLES = ['LEAD', 'PARTNER', 'FUNDER', 'SUPPORTER'];
const list = (values: string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * The organizations involved in a practice, as its authors name them (name,
 * kind, role), in their order. Part of the practice's content: an edit
 * replaces them whole, and a kept version holds them. Lists filter by kind.
 */
export class PracticeOrganizations1764000002500 implements MigrationInterface {
  name = 'PracticeOrganizations1764000002500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE practice_organization (
        practice_id uuid NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position BETWEEN 0 AND 19),
        name text NOT NULL CHECK (char_length(name) BETWEEN 2 AND 160 AND name = btrim(name)),
        kind text NOT NULL CHECK (kind IN (${list(KINDS)})),
        role text NOT NULL CHECK (role IN (${list(ROLES)})),
        PRIMARY KEY (practice_id, position)
      )`);
    // The service refuses a name given twice (accents aside); this holds it for every other write.
    await db.query(`CREATE UNIQUE INDEX practice_organization_name_key ON practice_organization (practice_id, lower(name))`);
    await db.query(`CREATE INDEX practice_organization_kind_idx ON practice_organization (kind, practice_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE practice_organization`);
  }
}
