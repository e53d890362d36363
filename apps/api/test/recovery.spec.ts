// The real API process, killed and starved of its database the ways production does it.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { GraphQLHttpClient, createTestDatabase, dropTestDatabase, freePort } from '@bottega/testing';

const ROOT = resolve(__dirname, '../../..');

class ApiProcess {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  }

  /** `npm run dev`: the API from its sources, on a free port. */
  static spawn(env: Record<string, string>, port: number): ApiProcess {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', NODE_ENV: 'development', ...env };
    if (!env['DATABASE_URL']) delete childEnv['DATABASE_URL'];
    delete childEnv['JEST_WORKER_ID'];
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    return new ApiProcess(child, port);
  }

  static async start(env: Record<string, string>): Promise<ApiProcess> {
    const api = ApiProcess.spawn(env, await freePort());
    await api.healthy(60_000);
    return api;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async health(): Promise<number> {
    return fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status,
      () => 0,
    );
  }

  async healthy(timeoutMs: number): Promise<void> {
    let exited = false;
    void this.exited.then(() => (exited = true));
    await until(async () => exited || (await this.health()) === 200, timeoutMs, () => `API not healthy:\n${this.output.slice(-3000)}`);
    if (exited) throw new Error(`API exited before it was healthy:\n${this.output.slice(-3000)}`);
  }

  /** Milliseconds from SIGTERM to the process's exit, and its exit code. */
  async terminate(): Promise<{ ms: number; code: number | null }> {
    const startedAt = performance.now();
    this.child.kill('SIGTERM');
    const { code } = await this.exited;
    return { ms: performance.now() - startedAt, code };
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

describe('embedded PostgreSQL under a crashing API', () => {
  let folder: string;
  let dataDir: string;
  let env: Record<string, string>;
  const started: ApiProcess[] = [];
  const start = async () => {
    const api = await ApiProcess.start(env);
    started.push(api);
    return api;
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'bottega-recovery-'));
    chmodSync(folder, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its data folder
    dataDir = join(folder, 'postgres');
    env = { EMBEDDED_PG_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), SEED_DEMO: 'false' };
  });

  afterEach(() => {
    for (const api of started.splice(0)) api.kill();
  });

  afterAll(async () => {
    // Whatever a failed test left: the server of this folder, so it never outlives the run.
    const pid = postmasterPid(dataDir);
    if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGKILL');
    await until(async () => pid === undefined || !isAlive(pid), 5_000).catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  });

  it('stops PostgreSQL when the API is killed with SIGKILL, and the next start just works', async () => {
    const first = await start();
    const server = postmasterPid(dataDir)!;
    expect(isAlive(server)).toBe(true);
    first.kill();
    await first.exited;
    await until(async () => !isAlive(server), 5_000, () => `PostgreSQL ${server} still running 5 s after its API was killed`);

    const second = await start();
    expect(await territoryCount(second)).toBeGreaterThan(0);
    expect(await second.terminate()).toMatchObject({ code: 0 });
  }, 60_000);

  it('stops a server left running by an API that is gone, then starts on the same folder', async () => {
    const first = await start();
    const server = postmasterPid(dataDir)!;
    // As when the whole process tree is killed at once: nothing was left to stop the server.
    first.kill();
    for (const watchdog of watchdogsOf(server)) process.kill(watchdog, 'SIGKILL');
    await first.exited;
    await sleep(500);
    expect(isAlive(server)).toBe(true);

    const second = await start();
    expect(isAlive(server)).toBe(false);
    expect(second.output).toContain('stopping the embedded PostgreSQL left running by an API process that is gone');
    expect(await territoryCount(second)).toBeGreaterThan(0);

    // While that API lives, a second one on the same folder is refused in one line.
    const intruder = ApiProcess.spawn(env, await freePort());
    started.push(intruder);
    expect((await intruder.exited).code).toBe(1);
    expect(intruder.output.trim()).toBe(
      `Bottega API failed to start: Another Bottega API process (pid ${second.pid}) uses the embedded PostgreSQL in ${dataDir}; stop it, or set EMBEDDED_PG_DATA_DIR to another folder`,
    );
    expect(await territoryCount(second)).toBeGreaterThan(0);
    expect(await second.terminate()).toMatchObject({ code: 0 });
  }, 60_000);

  it('restarts PostgreSQL killed under a running API: /health, GraphQL and the pub/sub LISTEN connection come back', async () => {
    const api = await start();
    const before = postmasterPid(dataDir)!;
    const killedAt = performance.now();
    process.kill(before, 'SIGKILL');
    await until(async () => (await api.health()) === 503, 5_000, () => 'never saw /health 503');
    await api.healthy(10_000);
    const recoveredMs = performance.now() - killedAt;
    expect(postmasterPid(dataDir)).not.toBe(before);
    expect(recoveredMs).toBeLessThan(5_000);
    expect(await territoryCount(api)).toBeGreaterThan(0);
    expect(api.output).toMatch(/"attempt":1,"delayMs":\d+,"msg":"restarting embedded PostgreSQL"/);
    await until(async () => (await listeners(Number(env['EMBEDDED_PG_PORT']))) === 1, 10_000, () => 'pub/sub did not LISTEN again');
    expect(await api.terminate()).toMatchObject({ code: 0 });
  }, 60_000);

  it('finishes SIGTERM promptly while PostgreSQL is down', async () => {
    const api = await start();
    const server = postmasterPid(dataDir)!;
    process.kill(server, 'SIGKILL');
    await until(async () => api.output.includes('embedded PostgreSQL exited unexpectedly'), 5_000);
    const { ms, code } = await api.terminate();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(2_000);
    // The restart that was due does not outlive the API.
    await sleep(1_000);
    const after = postmasterPid(dataDir);
    expect(after === server || after === undefined || !isAlive(after)).toBe(true);
  }, 60_000);
});

describe('first start of the embedded PostgreSQL', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'bottega-initdb-'));
    chmodSync(folder, 0o755);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads synchronously: I/O workers gave broad searches a heavy tail on two cores', async () => {
    const port = await freePort();
    const api = await ApiProcess.start({ EMBEDDED_PG_DATA_DIR: join(folder, 'settings'), EMBEDDED_PG_PORT: String(port), SEED_DEMO: 'false' });
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password: 'bottega', database: 'postgres' });
    try {
      await client.connect();
      expect((await client.query<{ io_method: string }>('SHOW io_method')).rows).toEqual([{ io_method: 'sync' }]);
    } finally {
      await client.end();
      expect(await api.terminate()).toMatchObject({ code: 0 });
    }
  });

  it('is not tripped by an initdb killed halfway, and refuses a folder holding other files in one line', async () => {
    const dataDir = join(folder, 'postgres');
    // What an initdb killed halfway leaves: it works beside the data folder, never in it.
    mkdirSync(`${dataDir}.initdb/base`, { recursive: true });
    writeFileSync(`${dataDir}.initdb/PG_VERSION`, '18\n');
    const api = await ApiProcess.start({ EMBEDDED_PG_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), SEED_DEMO: 'false' });
    try {
      expect(await territoryCount(api)).toBeGreaterThan(0);
      expect(existsSync(`${dataDir}.initdb`)).toBe(false);
    } finally {
      expect(await api.terminate()).toMatchObject({ code: 0 });
    }

    const cluttered = join(folder, 'cluttered');
    mkdirSync(cluttered);
    writeFileSync(join(cluttered, 'notes.txt'), 'not a database\n');
    const refused = ApiProcess.spawn({ EMBEDDED_PG_DATA_DIR: cluttered, EMBEDDED_PG_PORT: String(await freePort()) }, await freePort());
    expect((await refused.exited).code).toBe(1);
    expect(refused.output.trim()).toBe(
      `Bottega API failed to start: ${cluttered} holds files but no PostgreSQL cluster (ENOTEMPTY); empty it, or set EMBEDDED_PG_DATA_DIR to another folder`,
    );
  }, 60_000);
});

describe('SIGTERM with DATABASE_URL when the database is gone', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(() => dropTestDatabase(databaseUrl));

  it.each(['refuses connections', 'stops answering'] as const)('finishes promptly when the database %s', async (failure) => {
    const upstream = new URL(databaseUrl);
    const proxy = await TcpProxy.start(upstream.hostname, Number(upstream.port || 5432));
    const viaProxy = new URL(databaseUrl);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const api = await ApiProcess.start({ DATABASE_URL: viaProxy.toString() });
    try {
      expect(await territoryCount(api)).toBeGreaterThanOrEqual(0);
      if (failure === 'refuses connections') await proxy.refuse();
      else proxy.blackhole();
      // Readiness says so in time for a prober's timeout, even when the database never answers.
      const probedAt = performance.now();
      const probe = await fetch(`${api.baseUrl}/health`, { signal: AbortSignal.timeout(5_000) });
      expect(probe.status).toBe(503);
      expect(performance.now() - probedAt).toBeLessThan(3_000);
      const { ms, code } = await api.terminate();
      expect({ code, output: code === 0 ? '' : api.output.slice(-4000) }).toEqual({ code: 0, output: '' });
      expect(ms).toBeLessThan(2_500);
    } finally {
      api.kill();
      await proxy.close();
    }
  }, 60_000);
});

/** A TCP relay to PostgreSQL that can refuse (close everything) or blackhole (keep sockets open, pass nothing). */
class TcpProxy {
  port = 0;
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  private dropping = false;

  private constructor(
    private readonly host: string,
    private readonly upstreamPort: number,
  ) {
    this.server = createServer({ allowHalfOpen: true }, (client) => this.relay(client));
  }

  static async start(host: string, port: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(host, port);
    await new Promise<void>((done) => proxy.server.listen(0, '127.0.0.1', done));
    proxy.port = (proxy.server.address() as { port: number }).port;
    return proxy;
  }

  /** Nothing more passes either way and nothing is closed, as when the network between them fails. */
  blackhole(): void {
    this.dropping = true;
  }

  async refuse(): Promise<void> {
    const closed = new Promise<void>((done) => this.server.close(() => done()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    if (this.server.listening) await new Promise<void>((done) => this.server.close(() => done()));
  }

  private relay(client: Socket): void {
    this.track(client);
    if (this.dropping) return;
    const upstream = this.track(connect({ host: this.host, port: this.upstreamPort, allowHalfOpen: true }));
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      from.on('data', (chunk) => this.dropping || to.write(chunk));
      from.on('end', () => this.dropping || to.end());
      from.on('close', () => this.dropping || to.destroy());
    }
  }

  private track(socket: Socket): Socket {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
    return socket;
  }
}

async function territoryCount(api: ApiProcess): Promise<number> {
  const data = await new GraphQLHttpClient(api.baseUrl).data(`{ territories { totalCount } }`);
  return data.territories.totalCount as number;
}

/** Sessions LISTENing for the pub/sub on the embedded server. */
async function listeners(port: number): Promise<number> {
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password: 'bottega', database: 'postgres' });
  try {
    await client.connect();
    const { rows } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = 'bottega-pubsub' AND query ILIKE 'LISTEN%'`,
    );
    return rows[0]!.count;
  } catch {
    return -1;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Alive and not a zombie. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The processes watching `server` on behalf of its API (Linux: read from /proc). */
function watchdogsOf(server: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return args.includes('bottega-postgres-watchdog') && args.includes(String(server));
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until(check: () => Promise<boolean>, timeoutMs: number, describe: () => string = () => 'condition not met'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`${describe()} (after ${timeoutMs} ms)`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
