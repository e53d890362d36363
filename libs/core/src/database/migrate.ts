import type { DataSource, MigrationInterface } from 'typeorm';

/** A migration as TypeORM takes it: a class named `<What><13-digit timestamp>`. */
export type MigrationClass = new () => MigrationInterface;

/** Any constant works; all Bottega processes must agree on it. */
const MIGRATION_LOCK = 4_242_001;

/**
 * Applies pending migrations, one transaction each, under an advisory lock so
 * that replicas starting together do not race. Returns the names applied.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  return withAdvisoryLock(dataSource, MIGRATION_LOCK, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

/** Runs `work` while holding a session-level PostgreSQL advisory lock. */
export async function withAdvisoryLock<T>(dataSource: DataSource, key: number, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await runner.release();
  }
}
