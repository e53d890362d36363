import 'reflect-metadata';
import { createLogger } from '@bottega/core';
import { SearchIndex } from '@bottega/search';
import { createApp } from '../bootstrap';
import { parseEnv } from '../config/env.schema';
import { prepareDatabase } from '../database';

/**
 * `npm run reindex`: builds the search index again from the database, aside,
 * and swaps it in; searches keep being answered from the old one meanwhile.
 */
async function reindex(): Promise<void> {
  const env = parseEnv(process.env);
  const logger = createLogger({ level: env.LOG_LEVEL });
  const database = await prepareDatabase({ ...env, SEED_DEMO: false }, logger);
  try {
    const app = await createApp({ ...env, SEARCH_INDEX_IN_PROCESS: false }, database.url, logger);
    await app.init();
    try {
      const { documents } = await app.get(SearchIndex).rebuild();
      logger.info({ documents }, 'search index rebuilt');
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

reindex().catch((error: unknown) => {
  process.stderr.write(`Reindex failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
