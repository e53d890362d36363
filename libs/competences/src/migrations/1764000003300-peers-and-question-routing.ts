import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The forum's tags each skill of the first taxonomy stands for (tags are
 * slugs, made when first used, so a mapping may come before its tag). Written
 * here rather than imported, so that this migration stays what it was when
 * it ran; admins change them with `setSkillTags`.
 */
const SKILL_TAGS: Record<string, string[]> = {
  'co-programming': ['co-programmazione', 'co-programming', 'amministrazione-condivisa'],
  'co-design': ['co-progettazione', 'co-design'],
  'third-sector-agreements': ['terzo-settore', 'convenzioni', 'amministrazione-condivisa'],
  'participatory-processes': ['partecipazione', 'processi-partecipativi'],
  'service-design': ['progettazione-servizi', 'service-design'],
  'community-organising': ['sviluppo-di-comunita', 'animazione-di-comunita', 'welfare-di-comunita'],
  'neighbourhood-networks': ['reti-di-vicinato', 'vicinato', 'portierato-sociale'],
  'community-hubs': ['spazi-di-comunita', 'case-di-quartiere', 'hub-di-comunita'],
  'collaboration-pacts': ['patti-di-collaborazione', 'cittadinanza-attiva', 'beni-comuni'],
  'conflict-mediation': ['mediazione-dei-conflitti', 'mediazione'],
  'grant-writing': ['bandi', 'progettazione-bandi', 'raccolta-fondi', 'fundraising'],
  'eu-funding': ['fondi-europei', 'eu-funding', 'raccolta-fondi', 'fundraising'],
  'foundation-partnerships': ['fondazioni', 'raccolta-fondi', 'fundraising'],
  crowdfunding: ['crowdfunding', 'raccolta-fondi', 'fundraising'],
  'corporate-partnerships': ['imprese', 'welfare-aziendale', 'raccolta-fondi', 'fundraising'],
  'theory-of-change': ['teoria-del-cambiamento', 'theory-of-change'],
  'social-impact-assessment': ['valutazione-impatto', 'impatto-sociale', 'valutazione'],
  'monitoring-indicators': ['monitoraggio', 'indicatori'],
  'social-reporting': ['bilancio-sociale'],
  'data-analysis': ['dati', 'analisi-dati'],
  'volunteer-recruitment': ['volontariato', 'volontari'],
  'volunteer-training': ['formazione-volontari', 'volontariato'],
  'volunteer-coordination': ['coordinamento-volontari', 'volontariato'],
  'civil-service': ['servizio-civile'],
  'partnership-building': ['partenariati', 'partnership'],
  'network-facilitation': ['lavoro-di-rete', 'reti'],
  'project-management': ['gestione-progetti', 'project-management'],
  'multi-stakeholder-agreements': ['accordi-di-rete', 'patti-territoriali'],
  housing: ['housing', 'abitare', 'housing-first', 'housing-sociale'],
  'work-inclusion': ['inserimento-lavorativo', 'lavoro', 'agricoltura-sociale'],
  'elderly-care': ['anziani', 'anziani-soli', 'invecchiamento-attivo'],
  youth: ['giovani', 'politiche-giovanili'],
  families: ['famiglie', 'genitorialita', 'infanzia'],
  disability: ['disabilita', 'vita-indipendente'],
  migrants: ['migranti', 'accoglienza', 'intercultura'],
  poverty: ['poverta', 'emporio-solidale', 'poverta-alimentare'],
  'mental-health': ['salute-mentale', 'supporto-tra-pari'],
  caregivers: ['caregiver', 'caregiver-familiari'],
  storytelling: ['storytelling', 'narrazione'],
  'digital-inclusion': ['inclusione-digitale', 'digitale'],
  'social-media': ['social-media', 'comunicazione'],
  'accessible-communication': ['comunicazione-accessibile', 'easy-to-read'],
};

const KINDS_BEFORE = `'REPLY', 'MENTION', 'ANSWER_ACCEPTED', 'NEW_THREAD', 'CONTENT_HIDDEN', 'PRACTICE_PUBLISHED', 'PRACTICE_COMMENT'`;

/**
 * Finding a peer and routing questions: the forum tags each skill stands for
 * (seeded), the questions routed to the people who can answer them, each
 * person's routing notices per day, the indexes `suggestPeers` ranks with,
 * and the QUESTION_ROUTED notification.
 */
export class PeersAndQuestionRouting1764000003300 implements MigrationInterface {
  name = 'PeersAndQuestionRouting1764000003300';

  async up(db: QueryRunner): Promise<void> {
    // A merged skill keeps its rows: readers take the skill it went into (`coalesce(merged_into, id)`).
    await db.query(`
      CREATE TABLE skill_tag (
        skill_id uuid NOT NULL REFERENCES skill (id),
        tag_slug text NOT NULL CHECK (tag_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(tag_slug) <= 40),
        PRIMARY KEY (skill_id, tag_slug)
      )`);
    await db.query(`CREATE INDEX skill_tag_slug_idx ON skill_tag (tag_slug, skill_id)`);
    await db.query(
      `INSERT INTO skill_tag (skill_id, tag_slug)
       SELECT s.id, m.slug FROM unnest($1::text[], $2::text[]) AS m(key, slug) JOIN skill s ON s.key = m.key
       ON CONFLICT DO NOTHING`,
      [
        Object.entries(SKILL_TAGS).flatMap(([key, slugs]) => slugs.map(() => key)),
        Object.values(SKILL_TAGS).flat(),
      ],
    );

    // Ranking reads the competences in some skills with their level, without visiting the table.
    await db.query(`CREATE INDEX competence_skill_user_level_idx ON competence (skill_id, user_id) INCLUDE (level)`);
    // Available people, by who may see them.
    await db.query(`CREATE INDEX competence_profile_available_idx ON competence_profile (user_id, visibility) WHERE availability <> 'NOT_AVAILABLE'`);

    await db.query(`
      CREATE TABLE question_route (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        thread_id uuid NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
        skill_ids uuid[] NOT NULL CHECK (cardinality(skill_ids) > 0),
        thread_created_at timestamptz(3) NOT NULL,
        routed_at timestamptz(3) NOT NULL DEFAULT now(),
        notified boolean NOT NULL,
        PRIMARY KEY (user_id, thread_id)
      )`);
    await db.query(`CREATE INDEX question_route_newest_idx ON question_route (user_id, thread_created_at DESC, thread_id DESC)`);
    await db.query(`CREATE INDEX question_route_thread_idx ON question_route (thread_id)`);
    await db.query(`
      CREATE TABLE question_routing_quota (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        day date NOT NULL,
        sent integer NOT NULL CHECK (sent >= 0),
        PRIMARY KEY (user_id, day)
      )`);
    await db.query(`CREATE INDEX question_routing_quota_day_idx ON question_routing_quota (day)`);

    await db.query(`
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check,
        ADD CONSTRAINT notification_kind_check CHECK (kind IN (${KINDS_BEFORE}, 'QUESTION_ROUTED'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notification WHERE kind = 'QUESTION_ROUTED'`);
    await db.query(`
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check,
        ADD CONSTRAINT notification_kind_check CHECK (kind IN (${KINDS_BEFORE}))`);
    await db.query(`DROP TABLE question_routing_quota, question_route, skill_tag`);
    await db.query(`DROP INDEX competence_profile_available_idx, competence_skill_user_level_idx`);
  }
}
