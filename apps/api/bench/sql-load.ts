import { Pool } from 'pg';
import type { LoadOptions } from './http-load';
import { summarise, type LatencySummary } from './stats';

/** What the API runs for `territories(first: 20) { totalCount nodes { … } }`, in the same order. */
export const PAGE_SQL =
  'SELECT id, code, istat_code, name, level, parent_id, path, created_at FROM territory ORDER BY lower(name) ASC, id ASC LIMIT 21';
export const COUNT_SQL = 'SELECT COUNT(DISTINCT id) AS count FROM territory';

export const POOL_SIZE = 10;

export interface SqlLoadResult {
  opsPerSec: number;
  latency: LatencySummary;
  ops: number;
  errors: number;
}

/** A pool on the API's database, sized like the API's (DATABASE_POOL_SIZE defaults to 10). */
export function createPool(connectionString: string): Pool {
  const pool = new Pool({ connectionString, max: POOL_SIZE, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server (the API stopped it) is reported by the next query, not by a crash.
  pool.on('error', (error) => process.stderr.write(`[bench] database connection lost: ${error.message}
`));
  return pool;
}

export async function serverVersion(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
  return rows[0]?.server_version ?? 'unknown';
}

/** One page plus its count, checked: the rows the API would turn into nodes. */
export async function pageAndCount(pool: Pool): Promise<{ rows: number; count: number }> {
  const page = await pool.query(PAGE_SQL);
  const total = await pool.query<{ count: string }>(COUNT_SQL);
  return { rows: page.rowCount ?? 0, count: Number(total.rows[0]?.count) };
}

/** The territories op: page, then count. */
async function territoriesOp(pool: Pool): Promise<void> {
  await pool.query(PAGE_SQL);
  await pool.query(COUNT_SQL);
}

/**
 * `connections` workers, each running `op` back to back (by default the
 * territories page then its count), for a warm-up and then the measured
 * duration. One op = every statement of `op`.
 */
export async function runSqlLoad(
  pool: Pool,
  options: LoadOptions,
  op: (pool: Pool) => Promise<unknown> = territoriesOp,
): Promise<SqlLoadResult> {
  const measure = async (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    const startedAt = performance.now();
    const deadline = startedAt + seconds * 1_000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const opStart = performance.now();
        try {
          await op(pool);
          latencies.push(performance.now() - opStart);
        } catch {
          errors += 1;
          if (errors > 100) throw new Error('raw SQL load: more than 100 errors, giving up');
        }
      }
    };
    await Promise.all(Array.from({ length: options.connections }, worker));
    return { latencies, errors, elapsedS: (performance.now() - startedAt) / 1_000 };
  };

  await measure(options.warmupS);
  const { latencies, errors, elapsedS } = await measure(options.durationS);
  return { opsPerSec: latencies.length / elapsedS, latency: summarise(latencies), ops: latencies.length, errors };
}
