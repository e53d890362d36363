// The API application with a probe outbox consumer, for outbox.spec.ts to kill with SIGKILL mid-batch.
// Its work lands in the database through the pool, outside the batch's transaction, as an index's would.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { OutboxConsumers, OutboxRunner, createLogger } from '@bottega/core';
import { createApp } from '../../src/bootstrap';
import { parseEnv } from '../../src/config/env.schema';

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const app = await createApp(env, process.env['DATABASE_URL'] ?? '', createLogger({ level: env.LOG_LEVEL }));
  const db = app.get(DataSource);
  app.get(OutboxConsumers).register({
    name: 'probe',
    async handle(events) {
      for (const event of events) {
        await db.query(`INSERT INTO outbox_probe_delivery (position, pid) VALUES ($1, $2)`, [event.position, process.pid]);
        // Applied once per version: a redelivered change is recognised and skipped.
        await db.query(
          `INSERT INTO outbox_probe_applied (subject_id, version)
           SELECT $1, $2 WHERE $2 > (SELECT coalesce(max(version), 0) FROM outbox_probe_applied WHERE subject_id = $1)`,
          [event.subjectId, event.version],
        );
        await new Promise((done) => setTimeout(done, 3));
      }
    },
  });
  Object.assign(app.get(OutboxRunner).settings, { batchSize: 20, pollIntervalMs: 200 });
  await app.init();
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  process.stdout.write('outbox worker ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
