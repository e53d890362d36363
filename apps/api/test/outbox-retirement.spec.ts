import { randomUUID } from 'node:crypto';
import { Outbox, OutboxChange, OutboxConsumers, OutboxRunner } from '@bottega/core';
import { startTestApp, type TestApp } from './support/test-app';

/** A consumer taken out of the code must not hold back pruning for ever, nor a live one be retired. */
describe('outbox consumers no process runs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_RETENTION_DAYS: '3', OUTBOX_CONSUMER_EXPIRY_DAYS: '10' });
    // Only the consumers this test makes up: the features' own (question routing) step aside, rows and all.
    const registered = t.app.get(OutboxConsumers);
    for (const consumer of registered.all()) registered.unregister(consumer.name);
    await t.db.query(`DELETE FROM outbox_consumer`);
  });
  afterAll(() => t.close());

  const consumers = async () => (await t.db.query(`SELECT name FROM outbox_consumer ORDER BY name`)).map((row: { name: string }) => row.name);
  const events = async (subjects: string[]) =>
    Number((await t.db.query(`SELECT count(*) AS n FROM outbox_event WHERE subject_id = ANY($1)`, [subjects]))[0].n);

  it('retires a consumer silent for longer than the expiry, then prunes what only it was waiting for', async () => {
    const runner = t.app.get(OutboxRunner);
    expect(runner.settings).toMatchObject({ retentionDays: 3, consumerExpiryDays: 10 });
    const subjects = [randomUUID(), randomUUID()];
    for (const subject of subjects) {
      await t.db.transaction((manager) => t.app.get(Outbox).record(manager, { kind: 'Probe', subjectId: subject, change: OutboxChange.EDITED }));
    }
    await t.db.query(`UPDATE outbox_event SET created_at = now() - interval '4 days' WHERE subject_id = ANY($1)`, [subjects]);
    await t.db.query(`INSERT INTO outbox_consumer (name, updated_at) VALUES ('removed', now() - interval '11 days'), ('quiet', now() - interval '9 days')`);

    // The quiet one has been run within the expiry: it stays, and so do the changes it has not handled.
    await runner.prune();
    expect(await consumers()).toEqual(['quiet']);
    expect(await events(subjects)).toBe(2);

    await t.db.query(`UPDATE outbox_consumer SET updated_at = now() - interval '11 days' WHERE name = 'quiet'`);
    await runner.prune();
    expect(await consumers()).toEqual([]);
    // What no consumer waits for goes (all but the last placed change, which the next positions continue from).
    expect(await events(subjects)).toBeLessThan(2);
  });
});
