import type { MigrationInterface, QueryRunner } from 'typeorm';

/** ISO 3166-2 code, ISTAT code, official name, parent's ISO code. */
const TERRITORIES: [string, string, string, string | null][] = [
  ['IT-21', '01', 'Piemonte', null],
  ['IT-25', '03', 'Lombardia', null],
  ['IT-TO', '001', 'Torino', 'IT-21'],
  ['IT-VC', '002', 'Vercelli', 'IT-21'],
  ['IT-NO', '003', 'Novara', 'IT-21'],
  ['IT-CN', '004', 'Cuneo', 'IT-21'],
  ['IT-AT', '005', 'Asti', 'IT-21'],
  ['IT-AL', '006', 'Alessandria', 'IT-21'],
  ['IT-BI', '096', 'Biella', 'IT-21'],
  ['IT-VB', '103', 'Verbano-Cusio-Ossola', 'IT-21'],
  ['IT-VA', '012', 'Varese', 'IT-25'],
  ['IT-CO', '013', 'Como', 'IT-25'],
  ['IT-SO', '014', 'Sondrio', 'IT-25'],
  ['IT-MI', '015', 'Milano', 'IT-25'],
  ['IT-BG', '016', 'Bergamo', 'IT-25'],
  ['IT-BS', '017', 'Brescia', 'IT-25'],
  ['IT-PV', '018', 'Pavia', 'IT-25'],
  ['IT-CR', '019', 'Cremona', 'IT-25'],
  ['IT-MN', '020', 'Mantova', 'IT-25'],
  ['IT-LC', '097', 'Lecco', 'IT-25'],
  ['IT-LO', '098', 'Lodi', 'IT-25'],
  ['IT-MB', '108', 'Monza e della Brianza', 'IT-25'],
];

export class Territories1764000000200 implements MigrationInterface {
  name = 'Territories1764000000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE territory (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[A-Z]{2}(-[A-Z0-9]+)+$'),
        istat_code text,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
        level text NOT NULL CHECK (level IN ('REGION', 'PROVINCE', 'DISTRICT')),
        parent_id uuid REFERENCES territory (id),
        path ltree NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT territory_code_key UNIQUE (code),
        CONSTRAINT territory_root_is_region CHECK ((parent_id IS NULL) = (level = 'REGION'))
      )`);
    await db.query(`CREATE INDEX territory_path_idx ON territory USING gist (path)`);
    await db.query(`CREATE INDEX territory_parent_idx ON territory (parent_id)`);
    await db.query(`CREATE INDEX territory_name_idx ON territory (lower(name) text_pattern_ops)`);
    // The path is derived from the parent, so it can never disagree with it.
    await db.query(`
      CREATE FUNCTION territory_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        label text := regexp_replace(NEW.code, '[^A-Za-z0-9]', '_', 'g');
      BEGIN
        IF NEW.parent_id IS NULL THEN
          NEW.path := label::ltree;
        ELSE
          SELECT path || label::ltree INTO STRICT NEW.path FROM territory WHERE id = NEW.parent_id;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER territory_set_path BEFORE INSERT OR UPDATE OF parent_id, code ON territory
      FOR EACH ROW EXECUTE FUNCTION territory_set_path()`);
    for (const [code, istat, name, parent] of TERRITORIES) {
      await db.query(
        `INSERT INTO territory (code, istat_code, name, level, parent_id, path)
         VALUES ($1, $2, $3, $4, (SELECT id FROM territory WHERE code = $5), '')`,
        [code, istat, name, parent ? 'PROVINCE' : 'REGION', parent],
      );
    }

    await db.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 2 AND 160),
        kind text NOT NULL CHECK (kind IN ('PUBLIC_BODY', 'ASSOCIATION', 'FOUNDATION', 'CONSORTIUM', 'COOPERATIVE', 'COMPANY', 'OTHER')),
        territory_id uuid REFERENCES territory (id),
        website text CHECK (website ~ '^https?://'),
        description text CHECK (char_length(description) <= 2000),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX organization_name_key ON organization (lower(name), territory_id) NULLS NOT DISTINCT`);
    await db.query(`CREATE INDEX organization_name_idx ON organization (lower(name) text_pattern_ops, id)`);
    await db.query(`CREATE INDEX organization_territory_idx ON organization (territory_id)`);

    await db.query(`
      CREATE TABLE project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 160),
        summary text NOT NULL DEFAULT '' CHECK (char_length(summary) <= 4000),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        themes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT project_slug_key UNIQUE (slug),
        CONSTRAINT project_dates_ordered CHECK (ends_on >= starts_on)
      )`);
    await db.query(`CREATE INDEX project_title_idx ON project (lower(title) text_pattern_ops, id)`);
    await db.query(`CREATE INDEX project_themes_idx ON project USING gin (themes)`);
    await db.query(`CREATE INDEX project_starts_on_idx ON project (starts_on DESC, id DESC)`);
    await db.query(`
      CREATE TABLE project_territory (
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        territory_id uuid NOT NULL REFERENCES territory (id),
        PRIMARY KEY (project_id, territory_id)
      )`);
    await db.query(`CREATE INDEX project_territory_territory_idx ON project_territory (territory_id)`);
    await db.query(`
      CREATE TABLE project_partner (
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization (id),
        role text NOT NULL CHECK (role IN ('LEAD', 'PARTNER')),
        PRIMARY KEY (project_id, organization_id)
      )`);
    await db.query(`CREATE UNIQUE INDEX project_partner_one_lead ON project_partner (project_id) WHERE role = 'LEAD'`);
    await db.query(`CREATE INDEX project_partner_organization_idx ON project_partner (organization_id)`);
    await db.query(`
      CREATE TABLE project_member (
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('LEAD', 'MEMBER')),
        title text CHECK (char_length(title) <= 80),
        joined_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, user_id)
      )`);
    await db.query(`CREATE INDEX project_member_user_idx ON project_member (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE project_member, project_partner, project_territory, project, organization`);
    await db.query(`DROP TABLE territory`);
    await db.query(`DROP FUNCTION territory_set_path`);
  }
}
