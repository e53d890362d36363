import { AccessDirectory } from '@bottega/core';
import { createMaintenanceDataSource } from '@bottega/core/database';
import { seedDemoForum } from '@bottega/forum';
import { PasswordHasher, seedDemoUsers } from '@bottega/identity';
import { seedDemoPractices } from '@bottega/practices';
import { seedDemoDirectory } from '@bottega/territories';
import { startTestApp, type TestApp } from '@bottega/testing';
import { seedDemoExchanges } from '../src';

const LIST = `{ peerExchanges(first: 10) { nodes { title format status capacity registeredCount waitlistedCount seatsLeft venue
  hostTerritory { code } hostProject { title } thread { title } practicesToStudy { title } targetSkills { id } agenda { title } } } }`;

/** The demo's exchanges, seeded on the demo's people, communities, projects and practices. */
describe('demo exchanges', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // The demo's people, places, communities and practices, then its exchanges, as the app's demo seed writes them:
    // on a maintenance data source that knows no entities, as at start-up.
    const maintenance = createMaintenanceDataSource(t.databaseUrl, []);
    await maintenance.initialize();
    try {
      await maintenance.transaction(async (manager) => {
        const people = await seedDemoUsers(manager, new PasswordHasher());
        await seedDemoDirectory(manager, people);
        await seedDemoForum(manager, people);
        await seedDemoPractices(manager, people, t.app.get(AccessDirectory));
        await seedDemoExchanges(manager, people);
      });
    } finally {
      await maintenance.destroy();
    }
  }, 120_000);
  afterAll(() => t.close());

  it('has an upcoming open study visit with a full house and a waitlist, and a workshop that took place', async () => {
    const { peerExchanges } = await t.client.data(LIST);
    expect(peerExchanges.nodes).toHaveLength(2);
    const [past, upcoming] = peerExchanges.nodes;
    expect(upcoming).toMatchObject({
      format: 'STUDY_VISIT',
      status: 'OPEN',
      capacity: 3,
      registeredCount: 3,
      waitlistedCount: 2,
      seatsLeft: 0,
      venue: null,
      hostTerritory: { code: 'IT-MI-NORD' },
      hostProject: { title: 'Custodi di quartiere' },
      thread: { title: upcoming.title },
      practicesToStudy: [{ title: 'Custodi sociali di quartiere: un presidio leggero per gli anziani soli' }],
    });
    expect(upcoming.targetSkills).toHaveLength(3);
    expect(upcoming.agenda).toHaveLength(4);
    expect(past).toMatchObject({ format: 'WORKSHOP', status: 'COMPLETED', registeredCount: 4, waitlistedCount: 0 });
    const [counts] = await t.db.query(
      `SELECT count(*) FILTER (WHERE e.registered_count <> (SELECT count(*) FROM peer_exchange_registration r WHERE r.exchange_id = e.id AND r.status = 'REGISTERED')
                                 OR e.waitlisted_count <> (SELECT count(*) FROM peer_exchange_registration r WHERE r.exchange_id = e.id AND r.status = 'WAITLISTED'))::int AS wrong,
              count(*)::int AS n
         FROM peer_exchange e`,
    );
    expect(counts).toEqual({ wrong: 0, n: 2 });
  });
});
