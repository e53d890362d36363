import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ExtensionsAndRateLimits1764000000000 implements MigrationInterface {
  name = 'ExtensionsAndRateLimits1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS ltree`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await db.query(`
      CREATE TABLE rate_limit_counter (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (key, window_start)
      )`);
    await db.query(`CREATE INDEX rate_limit_counter_window_idx ON rate_limit_counter (window_start)`);
    await db.query(`
      CREATE TABLE seed_run (
        name text PRIMARY KEY,
        applied_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE seed_run`);
    await db.query(`DROP TABLE rate_limit_counter`);
  }
}
