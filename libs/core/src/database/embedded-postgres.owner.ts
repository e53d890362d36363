import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';

export type EmbeddedPostgresErrorCode = 'IN_USE' | 'LEFTOVER_RUNNING' | 'START_FAILED';

/** The embedded server could not be started; the message is one line meant for the person starting the API. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
  constructor(
    readonly code: EmbeddedPostgresErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface OwnerRecord {
  pid: number;
  /** Start time of that process (Linux), so a recycled pid is not mistaken for the owner. */
  startTicks?: string;
}

/**
 * Which API process runs the server of a data folder, recorded next to it
 * (`<dataDir>.owner`), and what to do with a server found running there.
 */
export class DataFolderOwnership {
  private readonly file: string;

  constructor(
    private readonly dataDir: string,
    private readonly logger: Logger,
  ) {
    this.file = `${dataDir}.owner`;
  }

  /**
   * Claims the folder for this process. Refuses while another live API owns it;
   * a server left running by an API that is gone is stopped first.
   */
  async claim(): Promise<void> {
    const owner = this.readOwner();
    if (owner && owner.pid !== process.pid && isSameProcess(owner)) {
      throw new EmbeddedPostgresError(
        'IN_USE',
        `Another Bottega API process (pid ${owner.pid}) uses the embedded PostgreSQL in ${this.dataDir}; stop it, or set EMBEDDED_PG_DATA_DIR to another folder`,
      );
    }
    const record: OwnerRecord = { pid: process.pid, startTicks: processStartTicks(process.pid) };
    writeFileSync(this.file, `${JSON.stringify(record)}\n`);
    await this.stopLeftover(owner);
  }

  /** Forgets the claim, if it is still this process's. */
  release(): void {
    if (this.readOwner()?.pid === process.pid) rmSync(this.file, { force: true });
  }

  private async stopLeftover(owner: OwnerRecord | undefined): Promise<void> {
    const pid = this.postmasterPid();
    if (pid === undefined || !isAlive(pid)) return; // a stale lock file PostgreSQL clears by itself
    const command = processName(pid);
    if (command !== undefined && command !== 'postgres') {
      // The pid was recycled (after a reboot, in a container): PostgreSQL would refuse to start over it.
      this.logger.warn({ postmasterPid: pid, command }, 'removing a stale postmaster.pid that names another program');
      rmSync(join(this.dataDir, 'postmaster.pid'), { force: true });
      return;
    }
    this.logger.warn({ postmasterPid: pid, formerOwner: owner?.pid ?? null }, 'stopping the embedded PostgreSQL left running by an API process that is gone');
    // SIGINT is PostgreSQL's fast shutdown: clients are cut, the data is checkpointed and consistent.
    if ((await signalAndWait(pid, 'SIGINT', 10_000)) || (await signalAndWait(pid, 'SIGQUIT', 5_000))) return;
    throw new EmbeddedPostgresError(
      'LEFTOVER_RUNNING',
      `A PostgreSQL (pid ${pid}) left running in ${this.dataDir} by an earlier API did not stop; stop it and start again`,
    );
  }

  private postmasterPid(): number | undefined {
    const first = readText(join(this.dataDir, 'postmaster.pid'))?.split('\n')[0];
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }

  private readOwner(): OwnerRecord | undefined {
    const text = readText(this.file);
    if (text === undefined) return undefined;
    try {
      const value = JSON.parse(text) as Partial<OwnerRecord>;
      return typeof value.pid === 'number' ? { pid: value.pid, startTicks: value.startTicks } : undefined;
    } catch {
      return undefined; // a torn write from a crash: nobody owns the folder
    }
  }
}

async function signalAndWait(pid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
    throw new EmbeddedPostgresError(
      'LEFTOVER_RUNNING',
      `A PostgreSQL (pid ${pid}) left running by an earlier API cannot be stopped by this user (${(error as Error).message}); stop it and start again`,
    );
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(25);
  }
  return false;
}

/** Alive and not a zombie; EPERM means it exists under another user (the `postgres` one, when we are not root). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.state !== 'Z';
}

function isSameProcess(owner: OwnerRecord): boolean {
  if (!isAlive(owner.pid)) return false;
  const now = processStartTicks(owner.pid);
  return owner.startTicks === undefined || now === undefined || now === owner.startTicks;
}

function processName(pid: number): string | undefined {
  return readText(`/proc/${pid}/comm`)?.trim();
}

function processStartTicks(pid: number): string | undefined {
  return procStat(pid)?.startTicks;
}

/** Fields of /proc/<pid>/stat (Linux only); the name may hold spaces, so count from its closing parenthesis. */
function procStat(pid: number): { state: string; startTicks: string } | undefined {
  const text = readText(`/proc/${pid}/stat`);
  if (text === undefined) return undefined;
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [state, startTicks] = [fields[0], fields[19]];
  return state && startTicks ? { state, startTicks } : undefined;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
