import type { EntityManager } from 'typeorm';
import { Outbox, OutboxChange } from '@bottega/core';
import { CompanionThreads } from '@bottega/forum';
import { POST_LINKS, renderPostMarkdown } from '@bottega/markdown';
import { ExchangeFormat, ExchangeStatus } from '../lib/exchange.enums';
import { ExchangeRepository } from '../lib/exchange.repository';
import { RecommendationResponse, ReviewInvitationStatus } from '../lib/peer-review.enums';
import { PeerReviewRepository } from '../lib/peer-review.repository';
import type { DemoExchangePeople } from './demo-exchanges';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const render = (source: string) => ({ source, html: renderPostMarkdown(source, POST_LINKS).html });

export const DEMO_PEER_REVIEW = {
  title: 'Peer review: l’infermiere di comunità in Ossola',
  description:
    'Il living lab **Montagna che cura** chiede a colleghi di altri territori di esaminare come funziona l’infermiere di comunità ' +
    'itinerante nei paesi dell’Ossola: una giornata di visite, un pomeriggio di discussione con l’équipe.',
  question:
    'Come possiamo rendere sostenibile l’infermiere di comunità itinerante quando finirà il finanziamento, e come coinvolgere ' +
    'di più i medici di famiglia e i volontari dei paesi?',
  actionPlan:
    'Entro sei mesi:\n\n1. un accordo con la ASL per inserire l’infermiere di comunità nella rete territoriale;\n' +
    '2. un tavolo trimestrale con i medici di famiglia della valle;\n3. una prova di raccolta fondi con la fondazione di comunità del Verbano.',
  reviewers: [
    { person: 'marco', answer: ReviewInvitationStatus.ACCEPTED },
    { person: 'elena', answer: ReviewInvitationStatus.ACCEPTED },
    { person: 'francesca', answer: ReviewInvitationStatus.DECLINED },
  ],
  recommendations: [
    {
      author: 'marco',
      text: 'Portare l’infermiere di comunità dentro il piano di zona, con un accordo scritto con la ASL: senza, resta un progetto.',
      response: RecommendationResponse.ACCEPTED,
      note: 'È il primo punto del piano.',
    },
    {
      author: 'marco',
      text: 'Raccogliere in modo sistematico gli accessi evitati al pronto soccorso: è il dato che convince chi finanzia.',
      response: RecommendationResponse.PARTLY,
      note: 'Lo faremo per un campione di pazienti: per tutti servirebbe un accordo sui dati che oggi non abbiamo.',
    },
    {
      author: 'elena',
      text: 'Chiedere un contributo ai Comuni in base al numero di abitanti sopra i 75 anni.',
      response: RecommendationResponse.DECLINED,
      note: 'I Comuni più piccoli non potrebbero sostenerlo; cerchiamo prima un accordo con la ASL.',
    },
  ],
};

/**
 * The demo's peer review: the Ossola living lab's community nurse, examined
 * by peers from Milano and Novara three weeks ago (one peer declined), with
 * their recommendations and the host's action plan.
 */
export async function seedDemoPeerReview(manager: EntityManager, people: DemoExchangePeople, now = new Date()): Promise<string> {
  const db = manager.dataSource;
  const exchanges = new ExchangeRepository(db);
  const reviews = new PeerReviewRepository(db);
  const spec = DEMO_PEER_REVIEW;
  const person = (key: string) => {
    const id = people[key];
    if (!id) throw new Error(`Demo peer review: no demo person ${key}`);
    return id;
  };
  const idOf = async (sql: string, key: string) => {
    const [row]: { id: string }[] = await manager.query(sql, [key]);
    if (!row) throw new Error(`Demo peer review: nothing found for ${key}`);
    return row.id;
  };
  const communityId = await idOf(`SELECT id FROM community WHERE slug = $1`, 'anziani-e-comunita');
  const territoryId = await idOf(`SELECT id FROM territory WHERE code = $1`, 'IT-VB-OSSOLA');
  const projectId = await idOf(`SELECT id FROM project WHERE slug = $1`, 'montagna-che-cura');
  const skills: { id: string }[] = await manager.query(`SELECT id FROM skill WHERE key = ANY($1::text[]) AND merged_into IS NULL`, [['elderly-care', 'digital-inclusion']]);
  // Nine in the morning, Rome (eight in winter, seven in summer UTC: near enough), three weeks ago.
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8) - 21 * DAY);
  const coordinator = person('chiara');

  const threadId = await CompanionThreads.on(db).start(manager, { communityId, authorId: coordinator, title: spec.title, body: spec.description, territoryIds: [territoryId] });
  const id = await exchanges.insert(
    manager,
    {
      title: spec.title,
      description: render(spec.description),
      format: ExchangeFormat.PEER_REVIEW,
      hostTerritoryId: territoryId,
      hostProjectId: projectId,
      startsAt: day,
      endsAt: new Date(day.getTime() + 8 * HOUR),
      venue: 'Casa della comunità, via Mizzoccola 4, Domodossola',
      onlineUrl: null,
      capacity: 8,
      registrationDeadline: new Date(day.getTime() - 7 * DAY),
      communityId,
      threadId,
      createdBy: coordinator,
    },
    {
      hostIds: [person('luca')],
      agenda: [
        { startsAt: day, title: 'Visite con l’infermiere di comunità a Crodo e Baceno', note: null },
        { startsAt: new Date(day.getTime() + 5 * HOUR), title: 'Discussione con l’équipe e i medici di famiglia', note: null },
      ],
      practiceIds: [],
      skillIds: skills.map((row) => row.id),
    },
  );
  await reviews.setQuestion(manager, id, spec.question);
  await new Outbox().record(manager, { kind: 'PeerExchange', subjectId: id, change: OutboxChange.CREATED, payload: { communityId } });
  await exchanges.transition(manager, id, [ExchangeStatus.DRAFT], ExchangeStatus.OPEN);
  const invitations = await reviews.invite(manager, id, spec.reviewers.map((reviewer) => person(reviewer.person)), coordinator);
  for (const reviewer of spec.reviewers) {
    const invitation = invitations.find((row) => row.userId === person(reviewer.person));
    if (invitation) await reviews.respond(manager, invitation.id, reviewer.answer);
  }
  const responses = [];
  for (const recommendation of spec.recommendations) {
    const recommendationId = await reviews.addRecommendation(manager, id, person(recommendation.author), render(recommendation.text));
    responses.push({ recommendationId, response: recommendation.response, note: recommendation.note });
  }
  await reviews.answer(manager, id, person('luca'), render(spec.actionPlan), responses);
  await exchanges.transition(manager, id, [ExchangeStatus.OPEN], ExchangeStatus.CLOSED);
  await exchanges.transition(manager, id, [ExchangeStatus.CLOSED], ExchangeStatus.COMPLETED);
  // Dated as they would have been: planned five weeks before, invitations a month before, recommendations after, the answer a week later.
  const planned = new Date(day.getTime() - 35 * DAY);
  const ended = new Date(day.getTime() + 8 * HOUR);
  await manager.query(
    `UPDATE peer_exchange SET created_at = $2, opened_at = $2, updated_at = $3, closed_at = $3, completed_at = $3 WHERE id = $1`,
    [id, planned, ended],
  );
  await manager.query(`UPDATE peer_review_invitation SET invited_at = $2, responded_at = CASE WHEN responded_at IS NOT NULL THEN $3::timestamptz END WHERE exchange_id = $1`, [
    id,
    new Date(planned.getTime() + DAY),
    new Date(planned.getTime() + 3 * DAY),
  ]);
  // Written two days after, a few minutes apart, in the order given.
  await manager.query(
    `UPDATE peer_review_recommendation c SET created_at = $2::timestamptz + (r.n || ' minutes')::interval, updated_at = $2::timestamptz + (r.n || ' minutes')::interval
       FROM unnest($1::uuid[]) WITH ORDINALITY AS r(id, n) WHERE c.id = r.id`,
    [responses.map((response) => response.recommendationId), new Date(ended.getTime() + 2 * DAY)],
  );
  await manager.query(`UPDATE peer_exchange_review SET answered_at = $2, updated_at = $2 WHERE exchange_id = $1`, [id, new Date(ended.getTime() + 9 * DAY)]);
  return id;
}
