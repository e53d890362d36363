import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { GraphQLHttpClient } from './graphql-client';
import { createTestDatabase, dropTestDatabase } from './test-database';

/**
 * Builds the application under test on `databaseUrl`, not yet listening; `env`
 * holds the variables a test sets over the app's test defaults.
 */
export type TestAppFactory = (databaseUrl: string, env: Record<string, string>) => Promise<NestFastifyApplication>;

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  /** An anonymous client; `.as(token)` signs it in. */
  client: GraphQLHttpClient;
  db: DataSource;
  databaseUrl: string;
  close(): Promise<void>;
}

let factory: TestAppFactory | undefined;

/**
 * Names the app that {@link startTestApp} runs. The app's Jest setup file calls
 * it for every test file, so a library's tests drive the real app without
 * importing it (this library may depend on the core only).
 */
export function registerTestApp(create: TestAppFactory): void {
  factory = create;
}

/**
 * The real API, listening on a free port, on a fresh migrated database of its
 * own (or on `databaseUrl`, which it then leaves in place).
 */
export async function startTestApp(env: Record<string, string> = {}, databaseUrl?: string): Promise<TestApp> {
  if (!factory) throw new Error('No app is registered for tests: run them through Jest, whose setup files register the app');
  const url = databaseUrl ?? (await createTestDatabase());
  const app = await factory(url, env);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    client: new GraphQLHttpClient(baseUrl),
    db: app.get(DataSource),
    databaseUrl: url,
    close: async () => {
      await app.close();
      if (!databaseUrl) await dropTestDatabase(url);
    },
  };
}
