import type { Logger } from 'pino';
import { createMaintenanceDataSource, runMigrations, startEmbeddedPostgres } from '@bottega/core';
import type { Env } from './config/env.schema';
import { MIGRATIONS } from './config/migrations';
import { seedDemoContent } from './seed/demo-seed';

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded server, if one was started. */
  stop(): Promise<void>;
}

/**
 * The database the API will use: `DATABASE_URL`, or an embedded PostgreSQL
 * kept under EMBEDDED_PG_DATA_DIR. Migrations are applied, and demo content
 * seeded once when asked (by default on the embedded server).
 */
export async function prepareDatabase(env: Env, logger: Logger): Promise<PreparedDatabase> {
  let url = env.DATABASE_URL;
  let stop = async () => undefined;
  if (!url) {
    const startedAt = performance.now();
    const embedded = await startEmbeddedPostgres({
      dataDir: env.EMBEDDED_PG_DATA_DIR,
      port: env.EMBEDDED_PG_PORT,
      database: 'bottega',
      password: 'bottega',
      logger: logger.child({ component: 'embedded-postgres' }),
    });
    logger.info(
      { port: env.EMBEDDED_PG_PORT, dataDir: env.EMBEDDED_PG_DATA_DIR, ms: Math.round(performance.now() - startedAt) },
      'embedded PostgreSQL started',
    );
    url = embedded.url;
    stop = async () => {
      await embedded.stop();
    };
  }

  try {
    await migrateAndSeed(env, url, logger);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, embedded: !env.DATABASE_URL, stop };
}

async function migrateAndSeed(env: Env, url: string, logger: Logger): Promise<void> {
  const dataSource = createMaintenanceDataSource(url, MIGRATIONS);
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    // Never by default in production: the demo accounts' password is published.
    if (env.SEED_DEMO ?? (!env.DATABASE_URL && env.NODE_ENV !== 'production')) {
      if (await seedDemoContent(dataSource)) logger.info('demo content seeded');
    }
  } finally {
    await dataSource.destroy();
  }
}
