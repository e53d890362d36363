import 'reflect-metadata';
import { createLogger } from '@bottega/core';
import { parseEnv } from '../config/env.schema';
import { prepareDatabase } from '../database';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded server) and exits. */
async function migrate(): Promise<void> {
  const env = parseEnv(process.env);
  const logger = createLogger({ level: env.LOG_LEVEL });
  const database = await prepareDatabase({ ...env, SEED_DEMO: false }, logger);
  await database.stop();
  logger.info('database is up to date');
}

migrate().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
