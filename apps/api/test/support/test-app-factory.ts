import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createLogger } from '@bottega/core';
import { createApp } from '../../src/bootstrap';
import { parseEnv } from '../../src/config/env.schema';
import { seedDemoContent } from '../../src/seed/demo-seed';

/** Limits are relaxed unless a test sets them through `env`. */
const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
  EXPOSE_SQL_STATEMENT_COUNT: 'true',
  LOGIN_RATE_LIMIT_PER_IP: '100000',
  LOGIN_FAILURES_PER_ACCOUNT: '100000',
  REGISTER_RATE_LIMIT_PER_IP: '100000',
  MUTATION_RATE_LIMIT_PER_IP: '100000',
  MUTATION_RATE_LIMIT_PER_USER: '100000',
  NEW_ACCOUNT_POSTS_PER_HOUR: '100000',
  DATABASE_POOL_SIZE: '5',
  // The API alone; browser tests turn the web app on.
  WEB_APP: 'off',
};

/** The API as tests run it: the app's own bootstrap, with test settings. */
export async function createTestApp(databaseUrl: string, env: Record<string, string>): Promise<NestFastifyApplication> {
  const config = parseEnv({ ...TEST_ENV, ...env });
  const app = await createApp(config, databaseUrl, createLogger({ level: config.LOG_LEVEL }));
  // As `npm start` does: a test that sets SEED_DEMO=true reads the demo content (browser tests do).
  if (config.SEED_DEMO) await seedDemoContent(app.get(DataSource));
  return app;
}
