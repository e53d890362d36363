import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createLogger } from '@bottega/core';
import { UserFactory } from '@bottega/identity/testing';
import { GraphQLHttpClient, createTestDatabase, dropTestDatabase } from '@bottega/testing';
import { createApp } from '../../src/bootstrap';
import { parseEnv } from '../../src/config/env.schema';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  /** An anonymous client; `.as(token)` signs it in. */
  client: GraphQLHttpClient;
  db: DataSource;
  users: UserFactory;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * The real API, listening on a free port, on a fresh migrated database of its
 * own. Limits are relaxed unless a test sets them through `env`.
 */
export async function startTestApp(env: Record<string, string> = {}, databaseUrl?: string): Promise<TestApp> {
  const url = databaseUrl ?? (await createTestDatabase());
  const config = parseEnv({
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
    ...env,
  });
  const app = await createApp(config, url, createLogger({ level: config.LOG_LEVEL }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    client: new GraphQLHttpClient(baseUrl),
    db: app.get(DataSource),
    users: new UserFactory(app),
    databaseUrl: url,
    close: async () => {
      await app.close();
      if (!databaseUrl) await dropTestDatabase(url);
    },
  };
}
