import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  createMaintenanceDataSource,
  runMigrations,
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
  type MigrationClass,
} from '@bottega/core/database';

/** Passed from the Jest global setup to every worker through the environment. */
const SERVER_URL = 'BOTTEGA_TEST_SERVER_URL';
const TEMPLATE = 'BOTTEGA_TEST_TEMPLATE';

/** Global setup and teardown may load this module separately; the handle lives on globalThis. */
const holder = globalThis as { bottegaTestPostgres?: EmbeddedPostgresHandle & { dataDir: string } };

/**
 * Once per test run: a PostgreSQL server (DATABASE_URL, or an embedded one in a
 * temporary folder) and a template database with the app's migrations applied.
 * The app's Jest global setup passes them in: this library cannot import features.
 */
export async function setUpTestDatabaseServer(migrations: MigrationClass[]): Promise<void> {
  let serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'bottega-test-pg-'));
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'bottega_test',
      password: 'bottega',
    });
    holder.bottegaTestPostgres = { ...embedded, dataDir };
    serverUrl = embedded.url;
  }
  const template = `bottega_template_${process.pid}_${Date.now().toString(36)}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${template}"`));
  const dataSource = createMaintenanceDataSource(databaseUrl(serverUrl, template), migrations);
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  process.env[SERVER_URL] = serverUrl;
  process.env[TEMPLATE] = template;
}

export async function tearDownTestDatabaseServer(): Promise<void> {
  const serverUrl = process.env[SERVER_URL];
  const template = process.env[TEMPLATE];
  if (serverUrl && template) {
    await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
  }
  const embedded = holder.bottegaTestPostgres;
  if (embedded) {
    await embedded.stop();
    rmSync(embedded.dataDir, { recursive: true, force: true });
  }
}

/** A fresh, migrated database for one test file; drop it with {@link dropTestDatabase}. */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = requiredEnv(SERVER_URL);
  const name = `bottega_t${process.env['JEST_WORKER_ID'] ?? '0'}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${requiredEnv(TEMPLATE)}"`));
  return databaseUrl(serverUrl, name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await withAdmin(requiredEnv(SERVER_URL), (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests through Jest, whose global setup prepares the database`);
  return value;
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
