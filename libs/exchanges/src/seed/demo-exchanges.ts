import type { EntityManager } from 'typeorm';
import { Outbox, OutboxChange } from '@bottega/core';
import { CompanionThreads } from '@bottega/forum';
import { POST_LINKS, renderPostMarkdown } from '@bottega/markdown';
import { ExchangeFormat, ExchangeStatus } from '../lib/exchange.enums';
import { ExchangeRepository } from '../lib/exchange.repository';
import { RegistrationRepository } from '../lib/registration.repository';

/** The demo's people by key (`chiara`, `marco`…), as the identity seed made them. */
export type DemoExchangePeople = Record<string, string>;

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

export interface DemoExchange {
  title: string;
  description: string;
  format: ExchangeFormat;
  community: string;
  project: string | null;
  territory: string;
  /** Days from the seed's day (negative: past), at 9:00 Europe/Rome (8:00 UTC in winter, 7:00 in summer: close enough for a demo). */
  inDays: number;
  hours: number;
  deadlineDaysBefore: number;
  capacity: number;
  venue: string | null;
  onlineUrl: string | null;
  coordinator: string;
  hosts: string[];
  agenda: { hour: number; title: string; note?: string }[];
  practiceTitles: string[];
  skills: string[];
  /** In arrival order; beyond the capacity, waitlisted. */
  registrants: { person: string; note?: string }[];
  /** Those who cancel after everyone registered (their seats go to the waitlist). */
  cancelling?: string[];
  status: ExchangeStatus;
}

export const DEMO_EXCHANGES: DemoExchange[] = [
  {
    title: 'Visita ai custodi di quartiere di Milano Nord',
    description:
      'Una mattina con i **custodi di quartiere** di Niguarda e Bovisa: come sono stati formati, come incontrano gli anziani soli, ' +
      'come lavorano con i servizi sociali del Municipio. Pensata per chi vuole avviare un portierato sociale nel proprio territorio.',
    format: ExchangeFormat.STUDY_VISIT,
    community: 'anziani-e-comunita',
    project: 'custodi-di-quartiere',
    territory: 'IT-MI-NORD',
    inDays: 21,
    hours: 4,
    deadlineDaysBefore: 3,
    capacity: 3,
    venue: 'Portineria sociale, via Val di Ledro 23, Milano',
    onlineUrl: null,
    coordinator: 'chiara',
    hosts: ['chiara', 'marco'],
    agenda: [
      { hour: 0, title: 'Accoglienza e presentazione del progetto', note: 'Caffè in portineria' },
      { hour: 1, title: 'Giro del quartiere con due custodi' },
      { hour: 2.5, title: 'Incontro con l’assistente sociale del Municipio 9' },
      { hour: 3.5, title: 'Domande e prossimi passi' },
    ],
    practiceTitles: ['Custodi sociali di quartiere: un presidio leggero per gli anziani soli'],
    skills: ['elderly-care', 'neighbourhood-networks', 'volunteer-training'],
    registrants: [
      { person: 'sara', note: 'Come si selezionano i custodi e quanto tempo richiede la formazione.' },
      { person: 'davide', note: 'Il rapporto con i servizi sociali comunali.' },
      { person: 'giulia' },
      { person: 'francesca', note: 'Vorrei capire i costi del primo anno.' },
      { person: 'anna' },
    ],
    status: ExchangeStatus.OPEN,
  },
  {
    title: 'Laboratorio: raccolta fondi di comunità per i living lab',
    description:
      'Un laboratorio di mezza giornata su come i living lab possono coinvolgere fondazioni di comunità, imprese del territorio e ' +
      'cittadini nel sostenere i servizi dopo la fine del finanziamento. Esempi da Lecco e dall’Ossola.',
    format: ExchangeFormat.WORKSHOP,
    community: 'fondi-e-valutazione',
    project: 'lavoro-in-rete',
    territory: 'IT-LC-LECCO',
    inDays: -40,
    hours: 4,
    deadlineDaysBefore: 5,
    capacity: 12,
    venue: 'Sala civica, piazza Garibaldi 4, Lecco',
    onlineUrl: null,
    coordinator: 'giulia',
    hosts: ['giulia', 'luca'],
    agenda: [
      { hour: 0, title: 'Perché la sostenibilità si progetta dall’inizio' },
      { hour: 1, title: 'Casi: la fondazione di comunità del Lecchese', note: 'Con Luca' },
      { hour: 2.5, title: 'Lavoro a gruppi sui piani di raccolta fondi' },
    ],
    practiceTitles: [],
    skills: ['crowdfunding', 'foundation-partnerships'],
    registrants: [
      { person: 'elena', note: 'Il dialogo con le fondazioni bancarie.' },
      { person: 'marco' },
      { person: 'roberto', note: 'Campagne di crowdfunding civico.' },
      { person: 'chiara' },
      { person: 'sara' },
    ],
    cancelling: ['sara'],
    status: ExchangeStatus.COMPLETED,
  },
];

/**
 * The demo's peer exchanges: an upcoming study visit, open, with three seats
 * and a waitlist, and a workshop that took place. Written through the
 * library's repository (registrations under the exchange's lock, as the
 * service takes them), each with its discussion thread and outbox records.
 */
export async function seedDemoExchanges(
  manager: EntityManager,
  people: DemoExchangePeople,
  now = new Date(),
  specs: DemoExchange[] = DEMO_EXCHANGES,
): Promise<Record<string, string>> {
  const db = manager.dataSource;
  const exchanges = new ExchangeRepository(db);
  const registrations = new RegistrationRepository(db);
  const threads = CompanionThreads.on(db);
  const outbox = new Outbox();
  const ids: Record<string, string> = {};
  for (const spec of specs) {
    const person = (key: string) => {
      const id = people[key];
      if (!id) throw new Error(`Demo exchange "${spec.title}": no demo person ${key}`);
      return id;
    };
    const communityId = await idOf(manager, `SELECT id FROM community WHERE slug = $1`, spec.community);
    const territoryId = await idOf(manager, `SELECT id FROM territory WHERE code = $1`, spec.territory);
    const projectId = spec.project ? await idOf(manager, `SELECT id FROM project WHERE slug = $1`, spec.project) : null;
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8) + spec.inDays * DAY);
    const at = (hours: number) => new Date(day.getTime() + hours * HOUR);
    const practiceRows: { id: string }[] = await manager.query(`SELECT id FROM practice WHERE title = ANY($1::text[]) ORDER BY title`, [spec.practiceTitles]);
    const skillRows: { id: string }[] = await manager.query(`SELECT id FROM skill WHERE key = ANY($1::text[]) AND merged_into IS NULL`, [spec.skills]);
    const coordinator = person(spec.coordinator);

    const threadId = await threads.start(manager, { communityId, authorId: coordinator, title: spec.title, body: spec.description, territoryIds: [territoryId] });
    const id = await exchanges.insert(
      manager,
      {
        title: spec.title,
        description: { source: spec.description, html: renderPostMarkdown(spec.description, POST_LINKS).html },
        format: spec.format,
        hostTerritoryId: territoryId,
        hostProjectId: projectId,
        startsAt: day,
        endsAt: at(spec.hours),
        venue: spec.venue,
        onlineUrl: spec.onlineUrl,
        capacity: spec.capacity,
        registrationDeadline: new Date(day.getTime() - spec.deadlineDaysBefore * DAY),
        communityId,
        threadId,
        createdBy: coordinator,
      },
      {
        hostIds: spec.hosts.map(person),
        agenda: spec.agenda.map((item) => ({ startsAt: at(item.hour), title: item.title, note: item.note ?? null })),
        practiceIds: practiceRows.map((row) => row.id),
        skillIds: skillRows.map((row) => row.id),
      },
    );
    await outbox.record(manager, { kind: 'PeerExchange', subjectId: id, change: OutboxChange.CREATED, payload: { communityId } });
    await exchanges.transition(manager, id, [ExchangeStatus.DRAFT], ExchangeStatus.OPEN);
    for (const registrant of spec.registrants) {
      await exchanges.lock(manager, id);
      await registrations.register(manager, id, person(registrant.person), registrant.note ?? null);
    }
    for (const key of spec.cancelling ?? []) {
      await exchanges.lock(manager, id);
      const registration = await registrations.registrationOf(manager, id, person(key));
      if (registration) {
        await registrations.cancelRegistration(manager, registration);
        await registrations.promote(manager, id);
      }
    }
    if (spec.status === ExchangeStatus.COMPLETED) {
      await exchanges.transition(manager, id, [ExchangeStatus.OPEN], ExchangeStatus.CLOSED);
      await exchanges.transition(manager, id, [ExchangeStatus.CLOSED], ExchangeStatus.COMPLETED);
    }
    // Dated as they would have been: planned a month before, registrations before the deadline, closed and completed after.
    const planned = new Date(Math.min(now.getTime(), day.getTime() - 30 * DAY));
    await manager.query(
      `UPDATE peer_exchange SET created_at = $2, updated_at = greatest($2, least(now(), $3::timestamptz)), opened_at = $2,
              closed_at = CASE WHEN closed_at IS NOT NULL THEN $3::timestamptz END, completed_at = CASE WHEN completed_at IS NOT NULL THEN $3::timestamptz END
        WHERE id = $1`,
      [id, planned, at(spec.hours)],
    );
    await manager.query(
      `UPDATE peer_exchange_registration SET created_at = $2::timestamptz + (arrival || ' hours')::interval, updated_at = $2::timestamptz + (arrival || ' hours')::interval
        WHERE exchange_id = $1`,
      [id, new Date(planned.getTime() + DAY)],
    );
    ids[spec.title] = id;
  }
  return ids;
}

async function idOf(manager: EntityManager, sql: string, key: string): Promise<string> {
  const [row]: { id: string }[] = await manager.query(sql, [key]);
  if (!row) throw new Error(`Demo exchanges: nothing found for ${key}`);
  return row.id;
}
