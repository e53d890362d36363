import type { EntityManager } from 'typeorm';
import { Outbox, OutboxChange } from '@bottega/core';
import { POST_LINKS, renderPostMarkdown } from '@bottega/markdown';
import { AdoptionOutcome, recordPracticeAdoption } from '@bottega/practices';
import { AttendanceStatus } from '../lib/exchange-attendance.enums';
import { ExchangeAttendanceRepository } from '../lib/exchange-attendance.repository';
import { ExchangeFormat, ExchangeStatus } from '../lib/exchange.enums';
import { ExchangeFeedbackRepository } from '../lib/exchange-feedback.repository';
import { ExchangeOutcomeRepository } from '../lib/exchange-outcome.repository';
import { seedDemoExchanges, type DemoExchange, type DemoExchangePeople } from './demo-exchanges';

const DAY = 24 * 3600 * 1000;
const ROME_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

const WEBINAR = 'Webinar: infermiere di famiglia e taxi sociale nelle valli';
const VISIT = 'Visita all’emporio solidale di Novara';

/** Past exchanges in other territories, seeded as the demo's first ones are. */
export const DEMO_PAST_EXCHANGES: DemoExchange[] = [
  {
    title: WEBINAR,
    description:
      'Come l’Ossola tiene a casa gli anziani di 14 comuni di montagna: un’infermiera di famiglia itinerante, un **taxi sociale** guidato da ' +
      'volontari e i medici di base come sentinelle. Per chi lavora in aree interne.',
    format: ExchangeFormat.WEBINAR,
    community: 'anziani-e-comunita',
    project: 'montagna-che-cura',
    territory: 'IT-VB-OSSOLA',
    inDays: -75,
    hours: 2,
    deadlineDaysBefore: 1,
    capacity: 40,
    venue: null,
    onlineUrl: 'https://meet.bottega.example/ossola-infermiere-di-famiglia',
    coordinator: 'chiara',
    hosts: ['luca'],
    agenda: [
      { hour: 0, title: 'Il progetto in venti minuti', note: 'Con Luca e l’infermiera di famiglia di Crodo' },
      { hour: 0.5, title: 'Il taxi sociale: volontari, assicurazione, costi' },
      { hour: 1.25, title: 'Domande' },
    ],
    practiceTitles: ["Infermiere di famiglia e taxi sociale nelle valli dell'Ossola"],
    skills: ['elderly-care', 'volunteer-management'],
    registrants: [{ person: 'sara' }, { person: 'davide', note: 'Come coinvolgere i medici di base.' }, { person: 'giulia' }, { person: 'anna' }, { person: 'francesca' }, { person: 'elena' }],
    status: ExchangeStatus.COMPLETED,
  },
  {
    title: VISIT,
    description:
      'Una mattina all’emporio solidale: la tessera a punti, i volontari alla cassa, le donazioni dei supermercati del quartiere e ' +
      'il colloquio con i servizi sociali che accompagna ogni famiglia.',
    format: ExchangeFormat.STUDY_VISIT,
    community: 'poverta-e-inclusione',
    project: null,
    territory: 'IT-NO',
    inDays: -20,
    hours: 3,
    deadlineDaysBefore: 4,
    capacity: 8,
    venue: 'Emporio solidale, corso Trieste 12, Novara',
    onlineUrl: null,
    coordinator: 'elena',
    hosts: ['elena'],
    agenda: [
      { hour: 0, title: 'Giro dell’emporio con i volontari' },
      { hour: 1.5, title: 'Con l’assistente sociale: chi accede e per quanto' },
    ],
    practiceTitles: ['Emporio solidale: la spesa con la tessera a punti'],
    skills: ['poverty', 'volunteer-management'],
    registrants: [{ person: 'marco', note: 'Vorremmo aprirne uno a Milano Nord.' }, { person: 'chiara' }, { person: 'roberto' }, { person: 'giulia' }],
    status: ExchangeStatus.COMPLETED,
  },
];

interface DemoAftermath {
  title: string;
  attendance: Record<string, AttendanceStatus>;
  summary: string;
  learnings: string;
  followUps: { description: string; owner: string; dueInDays: number }[];
  adopted: string[];
  /** Where they are taken up (a territory's code), when not in the host territory. */
  adoptedIn?: string;
  feedback: { person: string; rating: number; comment?: string }[];
  /** Closed by its managers this many days after the end (else it closes by itself after 30). */
  feedbackClosedAfterDays?: number;
}

const A = AttendanceStatus.ATTENDED;
const N = AttendanceStatus.NO_SHOW;

export const DEMO_AFTERMATHS: DemoAftermath[] = [
  {
    title: 'Laboratorio: raccolta fondi di comunità per i living lab',
    attendance: { elena: A, marco: A, roberto: N, chiara: A },
    summary:
      'Tre living lab hanno messo a confronto i loro piani di sostenibilità. La fondazione di comunità del Lecchese ha raccontato come ' +
      'raddoppia le donazioni dei cittadini con un fondo di **garanzia**; a gruppi abbiamo abbozzato un piano di raccolta fondi per ciascun lab.',
    learnings:
      '- La sostenibilità si progetta dal primo anno, non dall’ultimo.\n' +
      '- Le imprese del territorio donano più volentieri beni e tempo che denaro: chiedere quello.\n' +
      '- Un emporio solidale con la tessera a punti è un buon primo progetto da far sostenere alla comunità.',
    followUps: [
      { description: 'Bozza del piano di raccolta fondi di Lavoro in rete', owner: 'giulia', dueInDays: 20 },
      { description: 'Incontro con la fondazione di comunità per il fondo di garanzia', owner: 'elena', dueInDays: 45 },
    ],
    adopted: ['Emporio solidale: la spesa con la tessera a punti'],
    feedback: [
      { person: 'elena', rating: 5, comment: 'Concreto: siamo usciti con un piano.' },
      { person: 'marco', rating: 4, comment: 'Utile; avrei voluto più tempo per i casi.' },
      { person: 'chiara', rating: 4 },
    ],
    feedbackClosedAfterDays: 14,
  },
  {
    title: WEBINAR,
    attendance: { sara: A, davide: A, giulia: A, anna: N, francesca: A, elena: N },
    summary: 'Quaranta minuti di racconto e un’ora di domande: soprattutto sul **taxi sociale** e su come assicurare i volontari che guidano.',
    learnings: '- L’infermiera di famiglia funziona se i medici di base la chiamano: coinvolgerli dall’inizio.\n- Il taxi sociale costa poco se i Comuni mettono i mezzi.',
    followUps: [{ description: 'Mappa dei trasporti sociali in Brianza', owner: 'davide', dueInDays: 60 }],
    adopted: ["Infermiere di famiglia e taxi sociale nelle valli dell'Ossola"],
    adoptedIn: 'IT-MB',
    feedback: [
      { person: 'sara', rating: 5, comment: 'Chiarissimo, e le slide sono già circolate in ufficio.' },
      { person: 'davide', rating: 4 },
      { person: 'giulia', rating: 3, comment: 'Interessante ma lontano dalla nostra realtà urbana.' },
      { person: 'francesca', rating: 5 },
    ],
  },
  {
    title: VISIT,
    attendance: { marco: A, chiara: A, roberto: A, giulia: N },
    summary: 'L’emporio serve 180 famiglie con 60 volontari; i punti della tessera dipendono dal reddito e dalla composizione del nucleo.',
    learnings: '- Il colloquio con i servizi sociali fa dell’emporio un percorso, non solo una spesa.\n- Le donazioni dei supermercati vanno ritirate ogni giorno: serve un furgone.',
    followUps: [{ description: 'Sopralluogo per un emporio a Niguarda', owner: 'marco', dueInDays: 30 }],
    adopted: ['Emporio solidale: la spesa con la tessera a punti'],
    adoptedIn: 'IT-MI-NORD',
    feedback: [
      { person: 'marco', rating: 5, comment: 'Da rifare con il nostro assessore.' },
      { person: 'roberto', rating: 4 },
    ],
  },
];

/**
 * The aftermath of the demo's past exchanges: two more in other territories
 * (a webinar from the Ossola, a visit in Novara), then for each, and for the
 * Lecco workshop, attendance, outcomes with the practices adopted (recorded
 * on the practices as adoptions in the host territory) and feedback, dated
 * in the days after each exchange.
 */
export async function seedDemoExchangeOutcomes(manager: EntityManager, people: DemoExchangePeople, now = new Date()): Promise<void> {
  await seedDemoExchanges(manager, people, now, DEMO_PAST_EXCHANGES);
  const db = manager.dataSource;
  const attendance = new ExchangeAttendanceRepository();
  const outcomes = new ExchangeOutcomeRepository(db);
  const feedback = new ExchangeFeedbackRepository(db);
  const outbox = new Outbox();
  for (const spec of DEMO_AFTERMATHS) {
    const person = (key: string) => {
      const id = people[key];
      if (!id) throw new Error(`Demo exchange "${spec.title}": no demo person ${key}`);
      return id;
    };
    const [exchange]: { id: string; endsAt: Date; territoryId: string; projectId: string | null; coordinator: string }[] = await manager.query(
      `SELECT id, ends_at AS "endsAt", host_territory_id AS "territoryId", host_project_id AS "projectId", created_by AS coordinator
         FROM peer_exchange WHERE title = $1 ORDER BY created_at LIMIT 1`,
      [spec.title],
    );
    if (!exchange) throw new Error(`Demo exchange "${spec.title}" is missing`);
    const after = (days: number) => new Date(exchange.endsAt.getTime() + days * DAY);

    const seats: { id: string; userId: string }[] = await manager.query(
      `SELECT id, user_id AS "userId" FROM peer_exchange_registration WHERE exchange_id = $1 AND status = 'REGISTERED'`,
      [exchange.id],
    );
    const marks = Object.entries(spec.attendance).map(([key, status]) => {
      const seat = seats.find((s) => s.userId === person(key));
      if (!seat) throw new Error(`Demo exchange "${spec.title}": ${key} holds no seat`);
      return { id: seat.id, status };
    });
    await attendance.mark(manager, marks);
    await manager.query(`UPDATE peer_exchange_registration SET attendance_recorded_at = $2, updated_at = $2 WHERE exchange_id = $1 AND attendance_recorded_at IS NOT NULL`, [
      exchange.id,
      after(0.1),
    ]);

    const markdown = (source: string) => ({ source, html: renderPostMarkdown(source, POST_LINKS).html });
    await outcomes.write(
      manager,
      exchange.id,
      exchange.coordinator,
      {
        summary: markdown(spec.summary),
        learnings: markdown(spec.learnings),
        followUps: spec.followUps.map((f) => ({ description: f.description, ownerId: person(f.owner), dueOn: ROME_DAY.format(after(f.dueInDays)) })),
      },
      null,
    );
    const practices: { id: string; title: string }[] = await manager.query(`SELECT id, title FROM practice WHERE title = ANY($1::text[])`, [spec.adopted]);
    const [placed]: { id: string }[] = spec.adoptedIn ? await manager.query(`SELECT id FROM territory WHERE code = $1`, [spec.adoptedIn]) : [];
    const territoryId = placed?.id ?? exchange.territoryId;
    const adopted = [];
    for (const title of spec.adopted) {
      const practice = practices.find((p) => p.title === title);
      if (!practice) throw new Error(`Demo exchange "${spec.title}": no practice "${title}"`);
      const adoptionId = await recordPracticeAdoption(manager, {
        practiceId: practice.id,
        territoryId,
        projectId: spec.adoptedIn ? null : exchange.projectId,
        organizationName: null,
        adoptedOn: ROME_DAY.format(exchange.endsAt),
        notes: `Adottata con lo scambio tra pari «${spec.title}».`,
        outcome: AdoptionOutcome.ADOPTING,
        recordedBy: exchange.coordinator,
      });
      if (!adoptionId) throw new Error(`Demo exchange "${spec.title}": "${title}" is not published`);
      await manager.query(`UPDATE practice_adoption SET created_at = $2, updated_at = $2 WHERE id = $1`, [adoptionId, after(2)]);
      adopted.push({ practiceId: practice.id, adoptionId, territoryId });
    }
    await outcomes.setAdopted(manager, exchange.id, adopted);
    await manager.query(`UPDATE peer_exchange_outcome SET created_at = $2, updated_at = $2 WHERE exchange_id = $1`, [exchange.id, after(2)]);

    for (const [index, given] of spec.feedback.entries()) {
      await feedback.upsert(manager, exchange.id, person(given.person), given.rating, given.comment ?? null);
      await manager.query(`UPDATE peer_exchange_feedback SET created_at = $3, updated_at = $3 WHERE exchange_id = $1 AND user_id = $2`, [
        exchange.id,
        person(given.person),
        after(1 + index * 0.5),
      ]);
    }
    if (spec.feedbackClosedAfterDays !== undefined) {
      await manager.query(`UPDATE peer_exchange SET feedback_closed_at = $2 WHERE id = $1`, [exchange.id, after(spec.feedbackClosedAfterDays)]);
    }
    await outbox.record(manager, { kind: 'PeerExchange', subjectId: exchange.id, change: OutboxChange.EDITED });
  }
}
