import { AccessDirectory } from '@bottega/core';
import { createMaintenanceDataSource } from '@bottega/core/database';
import { seedDemoForum } from '@bottega/forum';
import { PasswordHasher, seedDemoUsers } from '@bottega/identity';
import { seedDemoPractices } from '@bottega/practices';
import { seedDemoDirectory } from '@bottega/territories';
import { startTestApp, type TestApp } from '@bottega/testing';
import { seedDemoExchangeOutcomes, seedDemoExchanges } from '../src';

const PAST = `{ peerExchanges(first: 10, filter: { status: COMPLETED }) { nodes { title format hostTerritory { code }
  outcomes { summary { html } followUpActions { dueOn owner { id } } adoptedPractices { title } }
  feedbackSummary { count average } } } }`;

/** What came of the demo's past exchanges, seeded after them as the app's demo seed does. */
describe('demo exchange outcomes', () => {
  let t: TestApp;
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
        await seedDemoExchanges(manager, people);
        await seedDemoExchangeOutcomes(manager, people);
      });
    } finally {
      await maintenance.destroy();
    }
  }, 120_000);
  afterAll(() => t.close());

  it('has three past exchanges in three territories, each with outcomes, adopted practices and feedback', async () => {
    const { peerExchanges } = await t.client.data(PAST);
    expect(peerExchanges.nodes.map((e: { hostTerritory: { code: string } }) => e.hostTerritory.code).sort()).toEqual(['IT-LC-LECCO', 'IT-NO', 'IT-VB-OSSOLA']);
    for (const exchange of peerExchanges.nodes) {
      expect(exchange.outcomes.summary.html).toContain('<p>');
      expect(exchange.outcomes.followUpActions.length).toBeGreaterThan(0);
      expect(exchange.outcomes.adoptedPractices).toHaveLength(1);
      expect(exchange.feedbackSummary.count).toBeGreaterThan(1);
    }
    const lecco = peerExchanges.nodes.find((e: { hostTerritory: { code: string } }) => e.hostTerritory.code === 'IT-LC-LECCO');
    expect(lecco.outcomes.adoptedPractices).toEqual([{ title: 'Emporio solidale: la spesa con la tessera a punti' }]);
    expect(lecco.feedbackSummary).toEqual({ count: 3, average: 13 / 3 });
  });

  it('keeps seats, counts and feedback consistent with attendance', async () => {
    const [row] = await t.db.query(
      `SELECT count(*) FILTER (WHERE e.registered_count <> (SELECT count(*) FROM peer_exchange_registration r WHERE r.exchange_id = e.id AND r.status IN ('REGISTERED', 'ATTENDED', 'NO_SHOW')))::int AS "wrongSeats",
              (SELECT count(*)::int FROM peer_exchange_feedback f JOIN peer_exchange_registration r ON r.exchange_id = f.exchange_id AND r.user_id = f.user_id
                WHERE r.status <> 'ATTENDED') AS "feedbackFromAbsent",
              (SELECT count(*)::int FROM practice p WHERE p.adoption_count <> (SELECT count(*) FROM practice_adoption a WHERE a.practice_id = p.id)) AS "wrongAdoptions",
              (SELECT count(*)::int FROM peer_exchange_adopted_practice WHERE adoption_id IS NULL) AS "unlinked"
         FROM peer_exchange e`,
    );
    expect(row).toEqual({ wrongSeats: 0, feedbackFromAbsent: 0, wrongAdoptions: 0, unlinked: 0 });
  });
});
