import { DirectoryFactory } from '@bottega/territories/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { COMPLETE, CREATE, OPEN, REGISTER, UNREGISTER, api, visit, world, type World } from './support';
import { AFTERMATH, ATTENDANCE, FEEDBACK, OUTCOMES, publishedPractice, reschedule } from './outcome-support';

const REPORT = `query($scope: ActivityScopeInput!, $from: Date!, $to: Date!) {
  activityReport(scope: $scope, from: $from, to: $to) {
    exchanges { held participants attended noShows attendanceRate averageFeedback feedbackCount }
    practices { adoptedHere } } }`;
const NOTIFICATIONS = `{ notifications(first: 10) { nodes { kind subject { id } } } }`;
const romeDay = (daysAgo: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(Date.now() - daysAgo * 86_400_000));

/**
 * After a study visit with three seats (five registered, one cancelled, the
 * first waitlisted promoted), the coordinator records who came and what came
 * of it, with a practice from Lecco taken up in Milan; those who came rate it;
 * the province's activity report shows it all.
 */
describe('journey: after the study visit', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
    await t.db.query(`UPDATE community SET territory_id = $2, kind = 'TERRITORIAL' WHERE id = $1`, [w.community.id, w.milano.id]);
  });
  afterAll(() => t.close());

  it('records attendance, outcomes with an adopted practice and feedback, and the report for the host province reflects them', async () => {
    const { createPeerExchange } = await call.data(w.coordinator, CREATE, { input: visit(w, { capacity: 3, title: 'Visita di studio ai custodi sociali' }) });
    const exchange = createPeerExchange.peerExchange;
    await call.data(w.coordinator, OPEN, { input: { exchangeId: exchange.id } });
    const people: TestUser[] = await Promise.all(Array.from({ length: 5 }, () => t.users.create()));
    for (const person of people) await call.data(person, REGISTER, { input: { exchangeId: exchange.id } });
    const [first, second, third, firstWaiting, secondWaiting] = people as [TestUser, TestUser, TestUser, TestUser, TestUser];
    await call.data(second, UNREGISTER, { input: { exchangeId: exchange.id } });

    // The visit took place this morning.
    await reschedule(t, exchange.id, 5, 1);
    expect((await call.data(w.coordinator, COMPLETE, { input: { exchangeId: exchange.id } })).completePeerExchange.peerExchange.status).toBe('COMPLETED');
    const attendance = (
      await call.data(w.coordinator, ATTENDANCE, {
        input: {
          exchangeId: exchange.id,
          entries: [
            { userId: first.globalId, status: 'ATTENDED' },
            { userId: third.globalId, status: 'NO_SHOW' },
            { userId: firstWaiting.globalId, status: 'ATTENDED' },
          ],
        },
      })
    ).recordAttendance;
    expect(attendance.registrations.map((r: { status: string }) => r.status)).toEqual(['ATTENDED', 'NO_SHOW', 'ATTENDED']);
    // The second waitlisted person never held a seat.
    expect(
      (await call.data(w.coordinator, ATTENDANCE, { input: { exchangeId: exchange.id, entries: [{ userId: secondWaiting.globalId, status: 'ATTENDED' }] } })).recordAttendance
        .userErrors[0].code,
    ).toBe('INVALID_STATE');

    const practice = await publishedPractice(t, 'Portierato sociale nei quartieri di edilizia pubblica');
    const lecco = await new DirectoryFactory(t.db).territory('IT-LC');
    await t.db.query(`INSERT INTO practice_territory (practice_id, territory_id) VALUES ($1, $2)`, [practice.id, lecco.id]);
    const { recordOutcomes } = await call.data(w.coordinator, OUTCOMES, {
      input: {
        exchangeId: exchange.id,
        summary: 'Tre ore con i custodi di Quarto Oggiaro e l’assistente sociale del Municipio.',
        learnings: 'Un custode ogni **150 famiglie**; la formazione dura tre mesi.',
        followUpActions: [{ description: 'Proporre il portierato al tavolo anziani', ownerId: w.lead.globalId, dueOn: romeDay(-30) }],
        adoptedPracticeIds: [practice.globalId],
      },
    });
    expect(recordOutcomes.userErrors).toEqual([]);
    expect(recordOutcomes.peerExchange.outcomes.adoptedPractices).toEqual([
      { id: practice.globalId, title: 'Portierato sociale nei quartieri di edilizia pubblica', adoptionCount: 1 },
    ]);
    for (const attendee of [first, firstWaiting]) {
      expect((await call.data(attendee, NOTIFICATIONS)).notifications.nodes[0]).toEqual({ kind: 'EXCHANGE_OUTCOMES', subject: { id: exchange.id } });
    }

    expect((await call.data(first, FEEDBACK, { input: { exchangeId: exchange.id, rating: 5, comment: 'Concreto e ben organizzato' } })).giveFeedback.userErrors).toEqual([]);
    expect((await call.data(firstWaiting, FEEDBACK, { input: { exchangeId: exchange.id, rating: 4 } })).giveFeedback.userErrors).toEqual([]);
    expect((await call.data(third, FEEDBACK, { input: { exchangeId: exchange.id, rating: 1 } })).giveFeedback.userErrors[0].code).toBe('INVALID_STATE');
    const seen = (await call.data(secondWaiting, AFTERMATH, { id: exchange.id })).node;
    expect(seen).toMatchObject({
      status: 'COMPLETED',
      outcomes: { learnings: { html: expect.stringContaining('<strong>150 famiglie</strong>') } },
      feedbackSummary: { count: 2, average: 4.5, distribution: [0, 0, 0, 1, 1] },
      feedback: { totalCount: 0 },
    });

    const { activityReport } = await call.data(w.coordinator, REPORT, { scope: { territoryId: w.milano.globalId }, from: romeDay(7), to: romeDay(0) });
    expect(activityReport).toEqual({
      exchanges: { held: 1, participants: 2, attended: 2, noShows: 1, attendanceRate: 2 / 3, averageFeedback: 4.5, feedbackCount: 2 },
      practices: { adoptedHere: 1 },
    });
  });
});
