import { readFileSync } from 'node:fs';
import { sleep } from './api-process';

/** File descriptors the fan-out needs beyond its sockets: pools, pipes, the embedded PostgreSQL's clients. */
const FD_HEADROOM = 512;

/** The soft "Max open files" of this process (the API inherits it), or null when /proc does not say. */
export function openFileLimit(): number | null {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((text) => text.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    if (soft === undefined) return null;
    return soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
  } catch {
    return null;
  }
}

/**
 * The baseline holds both ends of every socket in this process (2 N
 * descriptors); the API fan-out holds N here and N in the API. Fails early,
 * with the fix, when `ulimit -n` is too low for that.
 */
export function assertFileLimit(subscribers: number): string {
  const needed = 2 * subscribers + FD_HEADROOM;
  const limit = openFileLimit();
  if (limit !== null && limit < needed) {
    throw new Error(
      `BENCH_SUBSCRIBERS=${subscribers} needs about ${needed} open files per process, but \`ulimit -n\` is ${limit}: ` +
        `raise it (ulimit -n ${needed}) or lower BENCH_SUBSCRIBERS`,
    );
  }
  return `ulimit -n ${limit ?? 'unknown'}, needs ${needed}`;
}

/** Resident set size of a process, in bytes, from /proc/<pid>/status (VmRSS). */
export function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((text) => text.startsWith('VmRSS:'));
  const kib = Number(line?.replace(/[^0-9]/g, ''));
  if (!Number.isFinite(kib) || kib <= 0) throw new Error(`no VmRSS for pid ${pid}`);
  return kib * 1024;
}

export interface WaitOptions {
  /** Give up after this long in all. */
  timeoutMs: number;
  /** Give up when `progress()` has not changed for this long. */
  stallMs: number;
  pollMs?: number;
}

/**
 * Polls until `done()`; false when the time is up or progress stalls. Bounded
 * either way, so a lost message cannot hang the benchmark.
 */
export async function waitUntil(done: () => boolean, progress: () => number, options: WaitOptions): Promise<boolean> {
  const startedAt = performance.now();
  let last = progress();
  let lastChange = startedAt;
  while (!done()) {
    const now = performance.now();
    if (now - startedAt > options.timeoutMs || now - lastChange > options.stallMs) return false;
    await sleep(options.pollMs ?? 5);
    const current = progress();
    if (current !== last) {
      last = current;
      lastChange = performance.now();
    }
  }
  return true;
}

/** Opens `total` things `batch` at a time: `openBatch(from, count)` resolves once its batch is open. */
export async function inBatches(total: number, batch: number, openBatch: (from: number, count: number) => Promise<void>): Promise<void> {
  for (let from = 0; from < total; from += batch) await openBatch(from, Math.min(batch, total - from));
}

export interface Spread {
  min: number;
  p50: number;
  p99: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  return { min: rank(0), p50: rank(0.5), p99: rank(0.99), max: rank(1) };
}
