import type { MigrationInterface, QueryRunner } from 'typeorm';

type Entry = [key: string, it: string, en: string];

/**
 * The taxonomy as first seeded: areas, each with its skills. Written here
 * rather than imported, so that this migration stays what it was when it ran;
 * later changes are made by admins, or by later migrations.
 */
const TAXONOMY: [area: Entry, skills: Entry[]][] = [
  [
    ['co-design', 'Co-progettazione e co-programmazione', 'Co-design and co-programming'],
    [
      ['co-programming', 'Co-programmazione con gli enti pubblici', 'Co-programming with public bodies'],
      ['co-design', 'Co-progettazione', 'Co-design'],
      ['third-sector-agreements', 'Convenzioni e accordi con il Terzo settore', 'Agreements between public bodies and the third sector'],
      ['participatory-processes', 'Processi partecipativi', 'Participatory processes'],
      ['service-design', 'Progettazione di servizi', 'Service design'],
    ],
  ],
  [
    ['community-development', 'Sviluppo di comunità', 'Community development'],
    [
      ['community-organising', 'Animazione di comunità', 'Community organising'],
      ['neighbourhood-networks', 'Reti di vicinato', 'Neighbourhood networks'],
      ['community-hubs', 'Gestione di spazi di comunità', 'Running community hubs'],
      ['collaboration-pacts', 'Cittadinanza attiva e patti di collaborazione', 'Active citizenship and collaboration pacts'],
      ['conflict-mediation', 'Mediazione dei conflitti', 'Conflict mediation'],
    ],
  ],
  [
    ['fundraising', 'Raccolta fondi', 'Fundraising'],
    [
      ['grant-writing', 'Progettazione per bandi', 'Grant writing'],
      ['eu-funding', 'Fondi europei', 'EU funding'],
      ['foundation-partnerships', 'Rapporti con le fondazioni', 'Partnerships with foundations'],
      ['crowdfunding', 'Crowdfunding', 'Crowdfunding'],
      ['corporate-partnerships', 'Partnership con le imprese', 'Corporate partnerships'],
    ],
  ],
  [
    ['impact-evaluation', 'Misurazione dell’impatto e valutazione', 'Impact measurement and evaluation'],
    [
      ['theory-of-change', 'Teoria del cambiamento', 'Theory of change'],
      ['social-impact-assessment', 'Valutazione d’impatto sociale', 'Social impact assessment'],
      ['monitoring-indicators', 'Monitoraggio e indicatori', 'Monitoring and indicators'],
      ['social-reporting', 'Bilancio sociale', 'Social reporting'],
      ['data-analysis', 'Raccolta e analisi dei dati', 'Data collection and analysis'],
    ],
  ],
  [
    ['volunteer-management', 'Gestione dei volontari', 'Volunteer management'],
    [
      ['volunteer-recruitment', 'Reclutamento dei volontari', 'Volunteer recruitment'],
      ['volunteer-training', 'Formazione dei volontari', 'Volunteer training'],
      ['volunteer-coordination', 'Coordinamento dei volontari', 'Volunteer coordination'],
      ['civil-service', 'Servizio civile universale', 'Universal civil service'],
    ],
  ],
  [
    ['network-governance', 'Governance di rete', 'Network governance'],
    [
      ['partnership-building', 'Costruzione di partenariati', 'Partnership building'],
      ['network-facilitation', 'Facilitazione di reti', 'Network facilitation'],
      ['project-management', 'Gestione di progetti', 'Project management'],
      ['multi-stakeholder-agreements', 'Accordi tra più attori', 'Multi-stakeholder agreements'],
    ],
  ],
  [
    ['welfare-fields', 'Ambiti del welfare', 'Fields of welfare'],
    [
      ['housing', 'Abitare e housing sociale', 'Housing and social housing'],
      ['work-inclusion', 'Inserimento lavorativo', 'Work inclusion'],
      ['elderly-care', 'Cura degli anziani', 'Elderly care'],
      ['youth', 'Giovani e politiche giovanili', 'Youth work'],
      ['families', 'Sostegno alle famiglie', 'Family support'],
      ['disability', 'Disabilità e vita indipendente', 'Disability and independent living'],
      ['migrants', 'Accoglienza e inclusione dei migranti', 'Migrant reception and inclusion'],
      ['poverty', 'Contrasto alla povertà', 'Tackling poverty'],
      ['mental-health', 'Salute mentale di comunità', 'Community mental health'],
      ['caregivers', 'Sostegno ai caregiver familiari', 'Support for family carers'],
    ],
  ],
  [
    ['communication', 'Comunicazione e inclusione digitale', 'Communication and digital inclusion'],
    [
      ['storytelling', 'Narrazione sociale', 'Storytelling'],
      ['digital-inclusion', 'Inclusione digitale', 'Digital inclusion'],
      ['social-media', 'Comunicazione sui social', 'Social media'],
      ['accessible-communication', 'Comunicazione accessibile', 'Accessible communication'],
    ],
  ],
];

/**
 * Competences: the skills taxonomy (areas and skills, Italian and English
 * labels, merged skills kept as aliases of the one they became), each
 * person's competence profile, their competences and the endorsements of them.
 */
export class Competences1764000003000 implements MigrationInterface {
  name = 'Competences1764000003000';

  async up(db: QueryRunner): Promise<void> {
    const key = `text NOT NULL CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(key) <= 60)`;
    const label = (column: string) => `${column} text NOT NULL CHECK (char_length(${column}) BETWEEN 2 AND 80)`;
    await db.query(`
      CREATE TABLE skill_area (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key ${key},
        ${label('label_it')},
        ${label('label_en')},
        position smallint NOT NULL,
        CONSTRAINT skill_area_key_key UNIQUE (key)
      )`);
    await db.query(`
      CREATE TABLE skill (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area_id uuid NOT NULL REFERENCES skill_area (id),
        key ${key},
        ${label('label_it')},
        ${label('label_en')},
        merged_into uuid REFERENCES skill (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT skill_key_key UNIQUE (key),
        CONSTRAINT skill_not_merged_into_itself CHECK (merged_into <> id)
      )`);
    await db.query(`CREATE INDEX skill_merged_into_idx ON skill (merged_into) WHERE merged_into IS NOT NULL`);
    await db.query(`
      CREATE TABLE competence_profile (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        visibility text NOT NULL DEFAULT 'MEMBERS_ONLY' CHECK (visibility IN ('PUBLIC', 'MEMBERS_ONLY', 'HIDDEN')),
        availability text NOT NULL DEFAULT 'NOT_AVAILABLE' CHECK (availability IN ('OPEN_TO_EXCHANGE', 'MENTORING', 'NOT_AVAILABLE')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX competence_profile_updated_idx ON competence_profile (updated_at DESC, user_id DESC)`);
    await db.query(`
      CREATE TABLE competence (
        user_id uuid NOT NULL REFERENCES competence_profile (user_id) ON DELETE CASCADE,
        skill_id uuid NOT NULL REFERENCES skill (id),
        level text NOT NULL CHECK (level IN ('AWARE', 'PRACTITIONER', 'EXPERIENCED', 'EXPERT')),
        evidence text NOT NULL DEFAULT '' CHECK (char_length(evidence) <= 1000),
        position smallint NOT NULL,
        PRIMARY KEY (user_id, skill_id)
      )`);
    await db.query(`CREATE INDEX competence_skill_idx ON competence (skill_id)`);
    // Keyed by the competence, so a merge that moves a competence to another skill moves its endorsements with it.
    await db.query(`
      CREATE TABLE endorsement (
        user_id uuid NOT NULL,
        skill_id uuid NOT NULL,
        endorser_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, skill_id, endorser_id),
        FOREIGN KEY (user_id, skill_id) REFERENCES competence (user_id, skill_id) ON DELETE CASCADE ON UPDATE CASCADE,
        CONSTRAINT endorsement_not_of_oneself CHECK (endorser_id <> user_id)
      )`);
    await db.query(`CREATE INDEX endorsement_endorser_idx ON endorsement (endorser_id)`);

    for (const [position, [[areaKey, areaIt, areaEn], skills]] of TAXONOMY.entries()) {
      await db.query(
        `WITH area AS (INSERT INTO skill_area (key, label_it, label_en, position) VALUES ($1, $2, $3, $4) RETURNING id)
         INSERT INTO skill (area_id, key, label_it, label_en)
         SELECT area.id, s.key, s.it, s.en FROM area, unnest($5::text[], $6::text[], $7::text[]) AS s(key, it, en)`,
        [areaKey, areaIt, areaEn, position, skills.map((s) => s[0]), skills.map((s) => s[1]), skills.map((s) => s[2])],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE endorsement, competence, competence_profile, skill, skill_area`);
  }
}
