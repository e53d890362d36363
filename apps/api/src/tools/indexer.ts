import 'reflect-metadata';
import { createLogger } from '@bottega/core';
import { createApp } from '../bootstrap';
import { parseEnv } from '../config/env.schema';
import { prepareDatabase } from '../database';

/**
 * `npm run indexer`: a process that only drains the outbox (the search index
 * among its consumers), for scaling indexing apart from the API, whose
 * processes then run with SEARCH_INDEX_IN_PROCESS=false. Stops on SIGTERM or
 * SIGINT, its batch in flight either committed or handed out again.
 */
async function indexer(): Promise<void> {
  const env = parseEnv(process.env);
  const logger = createLogger({ level: env.LOG_LEVEL });
  const database = await prepareDatabase({ ...env, SEED_DEMO: false }, logger);
  const app = await createApp({ ...env, SEARCH_INDEX_IN_PROCESS: true }, database.url, logger);
  await app.init();
  logger.info('indexer running');
  const stop = async (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'indexer stopping');
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
}

indexer().catch((error: unknown) => {
  process.stderr.write(`Indexer failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
