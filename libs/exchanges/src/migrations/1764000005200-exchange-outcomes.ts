import type { MigrationInterface, QueryRunner } from 'typeorm';

const OUTCOMES_KIND = 'EXCHANGE_OUTCOMES';

/**
 * After an exchange: when each registration's attendance was recorded, the
 * outcomes (summary and learnings in markdown with their rendered HTML, a
 * version for concurrent editors), their follow-up actions with an owner and
 * a due day, the practices adopted (each with the adoption it recorded on
 * the practice, kept when that adoption is later removed there), the
 * attendees' feedback (1-5, once each) and when feedback was closed; and the
 * notification that tells attendees the outcomes were published.
 */
export class ExchangeOutcomes1764000005200 implements MigrationInterface {
  name = 'ExchangeOutcomes1764000005200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE peer_exchange ADD COLUMN feedback_closed_at timestamptz(3)`);
    await db.query(`ALTER TABLE peer_exchange_registration ADD COLUMN attendance_recorded_at timestamptz(3)`);
    await db.query(`
      CREATE TABLE peer_exchange_outcome (
        exchange_id uuid PRIMARY KEY REFERENCES peer_exchange (id) ON DELETE CASCADE,
        summary_source text NOT NULL CHECK (char_length(summary_source) BETWEEN 1 AND 20000),
        summary_html text NOT NULL,
        learnings_source text NOT NULL DEFAULT '' CHECK (char_length(learnings_source) <= 20000),
        learnings_html text NOT NULL DEFAULT '',
        recorded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
      )`);
    await db.query(`
      CREATE TABLE peer_exchange_follow_up (
        exchange_id uuid NOT NULL REFERENCES peer_exchange (id) ON DELETE CASCADE,
        position integer NOT NULL,
        description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 500),
        owner_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        due_on date NOT NULL,
        PRIMARY KEY (exchange_id, position)
      )`);
    await db.query(`CREATE INDEX peer_exchange_follow_up_owner_idx ON peer_exchange_follow_up (owner_id)`);
    await db.query(`
      CREATE TABLE peer_exchange_adopted_practice (
        exchange_id uuid NOT NULL REFERENCES peer_exchange (id) ON DELETE CASCADE,
        practice_id uuid NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        position integer NOT NULL,
        adoption_id uuid REFERENCES practice_adoption (id) ON DELETE SET NULL,
        PRIMARY KEY (exchange_id, practice_id)
      )`);
    await db.query(`CREATE INDEX peer_exchange_adopted_practice_practice_idx ON peer_exchange_adopted_practice (practice_id)`);
    await db.query(`
      CREATE TABLE peer_exchange_feedback (
        exchange_id uuid NOT NULL REFERENCES peer_exchange (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text CHECK (char_length(comment) BETWEEN 1 AND 2000),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (exchange_id, user_id)
      )`);
    await setKinds(db, (kinds) => [...kinds.filter((kind) => kind !== OUTCOMES_KIND), OUTCOMES_KIND]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notification WHERE kind = '${OUTCOMES_KIND}'`);
    await setKinds(db, (kinds) => kinds.filter((kind) => kind !== OUTCOMES_KIND));
    await db.query(`DROP TABLE peer_exchange_feedback, peer_exchange_adopted_practice, peer_exchange_follow_up, peer_exchange_outcome`);
    await db.query(`ALTER TABLE peer_exchange_registration DROP COLUMN attendance_recorded_at`);
    await db.query(`ALTER TABLE peer_exchange DROP COLUMN feedback_closed_at`);
  }
}

/**
 * Rewrites `notification_kind_check` from the kinds it admits now, so that
 * the kinds other migrations add, in whatever order they run, are kept.
 */
async function setKinds(db: QueryRunner, change: (kinds: string[]) => string[]): Promise<void> {
  const [row]: { definition: string }[] = await db.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'notification'::regclass AND conname = 'notification_kind_check'`,
  );
  if (!row) throw new Error('notification_kind_check is missing');
  const kinds = change([...row.definition.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1] as string));
  await db.query(`
    ALTER TABLE notification DROP CONSTRAINT notification_kind_check,
      ADD CONSTRAINT notification_kind_check CHECK (kind IN (${kinds.map((kind) => `'${kind}'`).join(', ')}))`);
}
