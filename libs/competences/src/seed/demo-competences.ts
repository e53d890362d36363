import type { EntityManager } from 'typeorm';
import { Outbox, OutboxChange } from '@bottega/core';
import { POST_LINKS, renderPostMarkdown } from '@bottega/markdown';
import { OrganizationKind } from '@bottega/territories';
import { EndorsementRepository } from '../lib/endorsements/endorsement.repository';
import { Availability, CompetenceLevel as Level, ProfileVisibility } from '../lib/profiles/profile.enums';
import { ProfileRepository, type CompetenceValues, type EvidenceRef } from '../lib/profiles/profile.repository';
import { MORE_PROFILES } from './demo-competences.more';

export type DemoProfilePerson = 'admin' | 'moderator' | 'chiara' | 'marco' | 'elena' | 'luca' | 'sara' | 'davide' | 'giulia' | 'francesca' | 'anna' | 'roberto';
export type DemoCompetencePeople = Record<DemoProfilePerson, string>;

/** Evidence by the demo's own names: a practice by its key in the practices' seed, or a forum post by its thread's title (the person's first post there). */
export type Evidence = { practice: string } | { postIn: string };

export interface DemoCompetence {
  skill: string;
  level: Level;
  note?: string;
  evidence?: Evidence[];
  /** Who endorses it. */
  endorsedBy?: DemoProfilePerson[];
}

export interface DemoProfile {
  person: DemoProfilePerson;
  visibility: ProfileVisibility;
  availability: Availability;
  bio: string;
  avatarUrl: string | null;
  organization: { name: string; kind: OrganizationKind } | null;
  territories: string[];
  languages: string[];
  competences: DemoCompetence[];
}

const CUSTODI_THREAD = 'Custodi di quartiere: cosa abbiamo imparato nel primo anno';
const SMALL_TOWNS_THREAD = 'Come raggiungere gli anziani soli nei piccoli comuni?';
const CO_PROGRAMMING_THREAD = 'Co-programmazione con il Comune: da dove partire?';

const FIRST_PROFILES: DemoProfile[] = [
  {
    person: 'chiara',
    visibility: ProfileVisibility.PUBLIC,
    availability: Availability.MENTORING,
    bio: `Assistente sociale, coordino il progetto **Custodi di quartiere** a Milano Nord dal 2023. Prima, dieci anni nei servizi per anziani del Municipio 9.
Mi occupo di reti di vicinato, portierato sociale e sostegno ai caregiver. Volentieri faccio da mentore a chi avvia un progetto simile.`,
    avatarUrl: 'https://media.bottega.example/avatars/chiara-colombo.jpg',
    organization: { name: 'Comune di Milano', kind: OrganizationKind.PUBLIC_BODY },
    territories: ['IT-MI-NORD', 'IT-MI'],
    languages: ['it', 'en'],
    competences: [
      {
        skill: 'elderly-care',
        level: Level.EXPERT,
        note: 'Quindici anni nei servizi per anziani; progetto Custodi di quartiere (312 anziani nel primo anno).',
        evidence: [{ practice: 'custodi' }, { practice: 'storia-rosa' }, { postIn: CUSTODI_THREAD }],
        endorsedBy: ['luca', 'marco', 'elena'],
      },
      { skill: 'neighbourhood-networks', level: Level.EXPERT, evidence: [{ practice: 'custodi' }], endorsedBy: ['elena'] },
      { skill: 'caregivers', level: Level.EXPERIENCED, evidence: [{ practice: 'caregiver' }], endorsedBy: ['luca'] },
      {
        skill: 'co-programming',
        level: Level.EXPERIENCED,
        note: 'Tavolo di co-programmazione (art. 55 CTS) sui servizi di prossimità con il Comune di Milano, 2023.',
        evidence: [{ postIn: CO_PROGRAMMING_THREAD }],
      },
      { skill: 'volunteer-coordination', level: Level.EXPERIENCED, note: '40 volontari di vicinato coordinati con i custodi.' },
      { skill: 'foundation-partnerships', level: Level.PRACTITIONER, note: 'Cofinanziamento della fondazione di comunità per i custodi.' },
      { skill: 'mental-health', level: Level.PRACTITIONER, evidence: [{ practice: 'esp' }] },
      { skill: 'storytelling', level: Level.AWARE, evidence: [{ practice: 'storia-rosa' }] },
    ],
  },
  {
    person: 'marco',
    visibility: ProfileVisibility.PUBLIC,
    availability: Availability.OPEN_TO_EXCHANGE,
    bio: `Job coach and project manager at Cooperativa Sociale Il Ponte in Lecco. I run **Lavoro in rete**, where farms, social cooperatives and the job centre share one pathway into work.
Happy to host study visits at the cascina and to help with grant applications.`,
    avatarUrl: null,
    organization: { name: 'Cooperativa Sociale Il Ponte', kind: OrganizationKind.COOPERATIVE },
    territories: ['IT-LC-LECCO', 'IT-LC'],
    languages: ['it', 'en', 'fr'],
    competences: [
      {
        skill: 'work-inclusion',
        level: Level.EXPERT,
        evidence: [{ practice: 'cascina' }, { practice: 'storia-martina' }],
        endorsedBy: ['chiara', 'luca'],
      },
      {
        skill: 'grant-writing',
        level: Level.EXPERIENCED,
        note: '12 bandi vinti tra il 2019 e il 2025 (fondazioni bancarie, PON Inclusione, bandi regionali).',
        endorsedBy: ['elena', 'luca'],
      },
      { skill: 'co-programming', level: Level.EXPERT, evidence: [{ postIn: CO_PROGRAMMING_THREAD }, { practice: 'fondo-caregiver' }], endorsedBy: ['chiara'] },
      { skill: 'youth', level: Level.EXPERIENCED, evidence: [{ practice: 'giovani' }] },
      { skill: 'partnership-building', level: Level.EXPERIENCED, note: 'Rete di tre aziende agricole, CPS e Centro per l’impiego.' },
      { skill: 'social-impact-assessment', level: Level.PRACTITIONER },
    ],
  },
  {
    person: 'elena',
    visibility: ProfileVisibility.MEMBERS_ONLY,
    availability: Availability.OPEN_TO_EXCHANGE,
    bio: `Funzionaria dei servizi abitativi del Comune di Novara. Ho avviato **Housing First** nel 2022 e l'emporio solidale con la Caritas.
Mi interessano le politiche abitative per chi esce dalla strada e il contrasto alla povertà alimentare.`,
    avatarUrl: 'https://media.bottega.example/avatars/elena-ferri.jpg',
    organization: { name: 'Comune di Novara', kind: OrganizationKind.PUBLIC_BODY },
    territories: ['IT-NO'],
    languages: ['it', 'en', 'es'],
    competences: [
      { skill: 'housing', level: Level.EXPERT, evidence: [{ practice: 'housing-first' }], endorsedBy: ['chiara', 'marco'] },
      { skill: 'poverty', level: Level.EXPERIENCED, evidence: [{ practice: 'emporio' }], endorsedBy: ['luca'] },
      {
        skill: 'crowdfunding',
        level: Level.EXPERIENCED,
        note: 'Campagna per il furgone refrigerato dell’emporio: 38.000 € da 610 donatori in 45 giorni.',
        endorsedBy: ['marco'],
      },
      { skill: 'volunteer-recruitment', level: Level.PRACTITIONER, note: '70 volontari dell’emporio, su turni.' },
      { skill: 'conflict-mediation', level: Level.PRACTITIONER },
    ],
  },
  {
    person: 'luca',
    visibility: ProfileVisibility.PUBLIC,
    availability: Availability.MENTORING,
    bio: `Lab manager di **Montagna che cura** per il Consorzio Servizi Sociali Ossola. Lavoro su servizi di prossimità nelle aree interne: infermiere di famiglia, taxi sociale, sportelli digitali.
Ho scritto e gestito progetti Interreg Italia–Svizzera e FSE+: chiedetemi pure di fondi europei.`,
    avatarUrl: null,
    organization: { name: 'Consorzio Servizi Sociali Ossola', kind: OrganizationKind.CONSORTIUM },
    territories: ['IT-VB-OSSOLA', 'IT-VB'],
    languages: ['it', 'de', 'en'],
    competences: [
      {
        skill: 'eu-funding',
        level: Level.EXPERT,
        note: 'Interreg Italia–Svizzera 2014–2020 e 2021–2027, FSE+ Piemonte: 2,4 milioni di euro gestiti.',
        endorsedBy: ['chiara', 'marco', 'elena'],
      },
      { skill: 'elderly-care', level: Level.EXPERIENCED, evidence: [{ practice: 'ossola' }, { postIn: SMALL_TOWNS_THREAD }], endorsedBy: ['chiara'] },
      { skill: 'digital-inclusion', level: Level.EXPERIENCED, evidence: [{ practice: 'bar-digitali' }], endorsedBy: ['elena'] },
      { skill: 'network-facilitation', level: Level.EXPERIENCED, evidence: [{ practice: 'visite-di-studio' }] },
      { skill: 'monitoring-indicators', level: Level.PRACTITIONER },
      { skill: 'mental-health', level: Level.AWARE, evidence: [{ practice: 'storia-ama' }] },
    ],
  },
  {
    person: 'moderator',
    visibility: ProfileVisibility.MEMBERS_ONLY,
    availability: Availability.NOT_AVAILABLE,
    bio: 'Curo la comunità di Bottega e la moderazione. Per segnalazioni scrivetemi qui.',
    avatarUrl: null,
    organization: { name: 'Bottega', kind: OrganizationKind.OTHER },
    territories: [],
    languages: ['it'],
    competences: [
      { skill: 'community-organising', level: Level.PRACTITIONER },
      { skill: 'social-media', level: Level.EXPERIENCED },
    ],
  },
  {
    person: 'admin',
    visibility: ProfileVisibility.HIDDEN,
    availability: Availability.NOT_AVAILABLE,
    bio: 'Amministro la piattaforma.',
    avatarUrl: null,
    organization: null,
    territories: [],
    languages: ['it', 'en'],
    competences: [{ skill: 'project-management', level: Level.EXPERT }],
  },
];

/** Every competence profile of the demo. */
export const DEMO_PROFILES: DemoProfile[] = [...FIRST_PROFILES, ...MORE_PROFILES];

/**
 * Competence profiles of the demo people: public basics (bio rendered by the
 * shared renderer, organization, territories, languages), every visibility
 * and availability, competences at several levels with evidence that points
 * to their own practices (by key in `practiceIds`) and forum posts, and
 * endorsements between them. Written through the library's repositories,
 * with the outbox records its services write; a person who already has a
 * profile keeps it untouched.
 */
export async function seedDemoCompetences(manager: EntityManager, people: DemoCompetencePeople, practiceIds: Record<string, string>): Promise<void> {
  const profiles = new ProfileRepository(manager.dataSource);
  const endorsements = new EndorsementRepository(manager.dataSource);
  const outbox = new Outbox();
  const existing: { userId: string }[] = await manager.query(`SELECT user_id AS "userId" FROM competence_profile WHERE user_id = ANY($1::uuid[])`, [
    Object.values(people),
  ]);
  const seeded = DEMO_PROFILES.filter((profile) => !existing.some((row) => row.userId === people[profile.person]));

  for (const profile of seeded) {
    const userId = people[profile.person];
    await profiles.lockOrCreate(manager, userId, { visibility: profile.visibility, availability: profile.availability });
    await profiles.updateBasics(manager, userId, {
      bio: { source: profile.bio, html: renderPostMarkdown(profile.bio, POST_LINKS).html },
      avatarUrl: profile.avatarUrl,
      organization: profile.organization,
      languages: profile.languages,
    });
    await profiles.replaceTerritories(manager, userId, await territoryIds(manager, profile.territories));
    const competences: CompetenceValues[] = [];
    for (const competence of profile.competences) {
      const evidenceItems: EvidenceRef[] = [];
      for (const item of competence.evidence ?? []) {
        const ref = await evidenceRef(manager, item, userId, practiceIds);
        if (ref) evidenceItems.push(ref);
      }
      competences.push({ skillId: await skillId(manager, competence.skill), level: competence.level, evidence: competence.note ?? '', evidenceItems });
    }
    await profiles.replaceCompetences(manager, userId, competences);
    await outbox.record(manager, { kind: 'CompetenceProfile', subjectId: userId, change: OutboxChange.EDITED });
  }

  // Endorsements once every profile exists; the repository endorses only a competence that is there.
  for (const profile of seeded) {
    for (const competence of profile.competences) {
      for (const endorser of competence.endorsedBy ?? []) {
        await endorsements.insert(manager, { userId: people[profile.person], skillId: await skillId(manager, competence.skill) }, people[endorser]);
      }
    }
  }
}

/** The live skill with this key (a merged one stands for the skill it went into). */
async function skillId(manager: EntityManager, key: string): Promise<string> {
  const [row]: { id: string }[] = await manager.query(`SELECT coalesce(merged_into, id) AS id FROM skill WHERE key = $1`, [key]);
  if (!row) throw new Error(`The skill ${key} is missing from the taxonomy`);
  return row.id;
}

async function territoryIds(manager: EntityManager, codes: string[]): Promise<string[]> {
  const rows: { id: string; code: string }[] = await manager.query(`SELECT id, code FROM territory WHERE code = ANY($1::text[])`, [codes]);
  return codes.map((code) => {
    const found = rows.find((row) => row.code === code);
    if (!found) throw new Error(`The demo territory ${code} is missing`);
    return found.id;
  });
}

/**
 * Evidence is the person's own work, as `setCompetences` requires: a practice
 * they author, or a post they wrote (null when a database seeded long ago no
 * longer has it: the competence then goes without).
 */
async function evidenceRef(manager: EntityManager, item: Evidence, userId: string, practiceIds: Record<string, string>): Promise<EvidenceRef | null> {
  if ('practice' in item) {
    const id = practiceIds[item.practice];
    const authored: unknown[] = id ? await manager.query(`SELECT 1 FROM practice_author WHERE practice_id = $1 AND user_id = $2`, [id, userId]) : [];
    if (!id || authored.length === 0) throw new Error(`The demo practice ${item.practice} is not by ${userId}`);
    return { type: 'Practice', id };
  }
  const [post]: { id: string }[] = await manager.query(
    `SELECT p.id FROM post p JOIN thread t ON t.id = p.thread_id
      WHERE t.title = $1 AND p.author_id = $2 AND p.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY p.created_at, p.id LIMIT 1`,
    [item.postIn, userId],
  );
  return post ? { type: 'Post', id: post.id } : null;
}
