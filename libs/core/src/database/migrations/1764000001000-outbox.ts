import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: one row per content change, written in the
 * change's transaction, drained by named consumers (search, digests).
 *
 * `id` is drawn at insert, but transactions commit out of order, so it cannot
 * be the position consumers read after. `position` is given to a row when a
 * runner first sees it committed, in `id` order under one lock: positions
 * are gap-free and follow commit order, so a consumer that reads "position >
 * mine" never skips a row that committed late.
 */
export class Outbox1764000001000 implements MigrationInterface {
  name = 'Outbox1764000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox_subject (
        kind text NOT NULL,
        subject_id uuid NOT NULL,
        version bigint NOT NULL CHECK (version >= 1),
        PRIMARY KEY (kind, subject_id)
      )`);
    await db.query(`
      CREATE TABLE outbox_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        position bigint UNIQUE,
        kind text NOT NULL,
        subject_id uuid NOT NULL,
        change text NOT NULL,
        version bigint NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX outbox_event_unsequenced ON outbox_event (id) WHERE position IS NULL`);
    await db.query(`
      CREATE TABLE outbox_consumer (
        name text PRIMARY KEY,
        position bigint NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        retry_at timestamptz(3),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox_consumer`);
    await db.query(`DROP TABLE outbox_event`);
    await db.query(`DROP TABLE outbox_subject`);
  }
}
