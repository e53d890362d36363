import { AccessDirectory } from '@bottega/core';
import { createMaintenanceDataSource } from '@bottega/core/database';
import { seedDemoForum } from '@bottega/forum';
import { DEMO_PASSWORD, PasswordHasher, seedDemoUsers } from '@bottega/identity';
import { seedDemoPractices } from '@bottega/practices';
import { seedDemoDirectory } from '@bottega/territories';
import { startTestApp, type TestApp } from '@bottega/testing';
import { DEMO_PEER_REVIEW, seedDemoPeerReview } from '../src';

const REVIEW = `query($id: ID!) { node(id: $id) { ... on PeerExchange { title format status reviewQuestion hosts { handle }
  reviewInvitations { status user { handle } }
  peerReview { question actionPlan { markdown } answeredAt reviewers { handle } recommendations { text { markdown } author { handle } response responseNote } } } } }`;

/** The demo's peer review, seeded on the demo's people, places and communities as the app's demo seed writes it. */
describe('demo peer review', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await startTestApp();
    const maintenance = createMaintenanceDataSource(t.databaseUrl, []);
    await maintenance.initialize();
    try {
      await maintenance.transaction(async (manager) => {
        const people = await seedDemoUsers(manager, new PasswordHasher());
        await seedDemoDirectory(manager, people);
        await seedDemoForum(manager, people);
        await seedDemoPractices(manager, people, t.app.get(AccessDirectory));
        id = await seedDemoPeerReview(manager, people);
      });
    } finally {
      await maintenance.destroy();
    }
  }, 120_000);
  afterAll(() => t.close());

  const signIn = async (email: string) => {
    const { login } = await t.client.data(`mutation($input: LoginInput!) { login(input: $input) { session { accessToken } } }`, {
      input: { email, password: DEMO_PASSWORD },
    });
    return t.client.as(login.session.accessToken);
  };

  it('took place, with two peers who accepted, one who declined, their recommendations and the host’s action plan', async () => {
    const globalId = Buffer.from(`PeerExchange:${id}`).toString('base64url');
    const anonymous = (await t.client.data(REVIEW, { id: globalId })).node;
    expect(anonymous).toMatchObject({ format: 'PEER_REVIEW', status: 'COMPLETED', reviewQuestion: DEMO_PEER_REVIEW.question, peerReview: null, reviewInvitations: [] });

    const host = (await (await signIn('luca.sala@bottega.example')).data(REVIEW, { id: globalId })).node;
    expect(host.hosts).toEqual([{ handle: 'luca-sala' }]);
    expect(host.peerReview).toMatchObject({ question: DEMO_PEER_REVIEW.question, actionPlan: { markdown: DEMO_PEER_REVIEW.actionPlan } });
    expect(host.peerReview.reviewers.map((r: { handle: string }) => r.handle).sort()).toEqual(['elena-ferri', 'marco-bianchi']);
    expect(host.peerReview.recommendations.map((r: { response: string }) => r.response)).toEqual(['ACCEPTED', 'PARTLY', 'DECLINED']);
    const coordinator = (await (await signIn('chiara.colombo@bottega.example')).data(REVIEW, { id: globalId })).node;
    expect(coordinator.reviewInvitations.map((i: { status: string; user: { handle: string } }) => [i.user.handle, i.status]).sort()).toEqual([
      ['elena-ferri', 'ACCEPTED'],
      ['francesca-gallo', 'DECLINED'],
      ['marco-bianchi', 'ACCEPTED'],
    ]);
    const [dates] = await t.db.query(
      `SELECT e.ends_at < now() AS past, r.answered_at > e.ends_at AS "answeredAfter",
              (SELECT bool_and(c.created_at > e.ends_at AND c.created_at < r.answered_at) FROM peer_review_recommendation c WHERE c.exchange_id = e.id) AS "recommendedBetween"
         FROM peer_exchange e JOIN peer_exchange_review r ON r.exchange_id = e.id WHERE e.id = $1`,
      [id],
    );
    expect(dates).toEqual({ past: true, answeredAfter: true, recommendedBetween: true });
  });
});
