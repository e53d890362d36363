import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Log lines (a slow query's whole text) are cut to this many characters in the report. */
const MAX_SHOWN_LINE = 400;

const POLL_MS = 25;
const OUTPUT_LINES = 40;

export interface ApiOptions {
  /** Repository root: the API runs from here, as `npm start` does. */
  cwd: string;
  port: number;
  /** An embedded PostgreSQL the API starts in this data directory (stopped here if the API leaves it running), or a server it only uses. */
  database: { pgPort: number; pgDataDir: string } | { url: string };
  /** Extra environment for the API, e.g. EXPOSE_SQL_STATEMENT_COUNT. */
  env?: Record<string, string>;
  /** Extra Node flags for the API, e.g. --cpu-prof (which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}

/** The built API (dist/) started as a child process on 127.0.0.1. */
export class ApiProcess {
  private readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exited = false;
  private readonly output: string[] = [];
  private printed = 0;

  private constructor(
    private readonly child: ChildProcess,
    private readonly options: ApiOptions,
  ) {
    this.exit = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exited = true;
        resolve({ code, signal });
      });
      child.once('error', (error) => {
        this.output.push(`spawn failed: ${error.message}`);
        this.exited = true;
        resolve({ code: null, signal: null });
      });
    });
    const keep = (chunk: Buffer) => {
      const lines = chunk.toString().split('\n').filter(Boolean);
      this.printed += lines.length;
      this.output.push(...lines);
      this.output.splice(0, Math.max(0, this.output.length - OUTPUT_LINES));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** The API's process id, for reading its memory in /proc. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** Spawns the API and resolves once GET /health answers 200, with the ms it took from spawn. */
  static async start(options: ApiOptions, timeoutMs: number): Promise<{ api: ApiProcess; readyMs: number }> {
    // The bench's own environment must not pick the database or seed it; the options may.
    const { DATABASE_URL: _database, SEED_DEMO: _seed, ...inherited } = process.env;
    const env: NodeJS.ProcessEnv = {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      LOG_LEVEL: 'warn',
      // Measured as deployed (docker/Dockerfile): production mode (no development-only checks in
      // graphql-js) and the same heap cap.
      NODE_ENV: 'production',
      NODE_OPTIONS: '--max-old-space-size=512',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ...('url' in options.database
        ? { DATABASE_URL: options.database.url }
        : { EMBEDDED_PG_DATA_DIR: options.database.pgDataDir, EMBEDDED_PG_PORT: String(options.database.pgPort) }),
      ...options.env,
    };

    const startedAt = performance.now();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'dist/apps/api/src/main.js'], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const api = new ApiProcess(child, options);
    try {
      await api.waitUntilReady(startedAt + timeoutMs);
    } catch (error) {
      await api.stop();
      throw error;
    }
    return { api, readyMs: performance.now() - startedAt };
  }

  private async waitUntilReady(deadline: number): Promise<void> {
    while (performance.now() < deadline) {
      if (this.exited) {
        const { code, signal } = await this.exit;
        throw new Error(`API exited before it was ready (code ${code}, signal ${signal}):\n${this.recentOutput()}`);
      }
      const status = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return;
      await sleep(POLL_MS);
    }
    throw new Error(`API not ready (GET /health 200) within the time allowed:\n${this.recentOutput()}`);
  }

  /**
   * SIGTERM and wait for the exit; after `graceMs`, SIGKILL the API and stop a
   * PostgreSQL it left behind. Returns how the API ended, for the report.
   */
  async stop(graceMs = 30_000): Promise<string> {
    if (this.exited) return describe(await this.exit);
    this.child.kill('SIGTERM');
    const ended = await Promise.race([this.exit, sleep(graceMs).then(() => null)]);
    if (ended) {
      const leftover = await this.stopLeftoverPostgres();
      return describe(ended) + (leftover ? `; ${leftover}` : '');
    }
    this.child.kill('SIGKILL');
    await Promise.race([this.exit, sleep(5_000)]);
    const leftover = await this.stopLeftoverPostgres();
    return `did not exit within ${graceMs} ms of SIGTERM; killed` + (leftover ? `; ${leftover}` : '');
  }

  /** Lines the API printed (it runs at LOG_LEVEL=warn, so each is a warning or worse). */
  get outputLines(): number {
    return this.printed;
  }

  recentOutput(): string {
    const shown = (line: string) => (line.length > MAX_SHOWN_LINE ? `${line.slice(0, MAX_SHOWN_LINE)}… (${line.length} characters)` : line);
    return this.output.length ? this.output.map((line) => `  | ${shown(line)}`).join('\n') : '  | (no output)';
  }

  /** The postmaster of our data directory, if the API did not stop it: fast shutdown by its pid. */
  private async stopLeftoverPostgres(): Promise<string | null> {
    if ('url' in this.options.database) return null;
    const pid = postmasterPid(this.options.database.pgDataDir);
    if (pid === null || !isAlive(pid)) return null;
    process.kill(pid, 'SIGINT');
    const deadline = performance.now() + 15_000;
    while (isAlive(pid) && performance.now() < deadline) await sleep(100);
    return `PostgreSQL (pid ${pid}) was still running after the API exited; stopped it`;
  }
}

function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function describe({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }): string {
  return signal ? `exited on ${signal}` : `exited with code ${code}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Spawn-to-exit time of `node -e "0"`: the floor any Node process start pays. */
export function timeBareNode(): Promise<number> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - startedAt) : reject(new Error(`node -e "0" exited with ${code}`))));
  });
}
