import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'REPLY', 'MENTION', 'ANSWER_ACCEPTED', 'NEW_THREAD', 'CONTENT_HIDDEN', 'PRACTICE_PUBLISHED', 'PRACTICE_COMMENT', 'QUESTION_ROUTED'`;
const EXCHANGE_KINDS = `'EXCHANGE_REGISTERED', 'EXCHANGE_WAITLISTED', 'EXCHANGE_PROMOTED', 'EXCHANGE_CHANGED', 'EXCHANGE_CANCELLED'`;

/**
 * Peer exchanges: the exchange (schedule as instants, place or https link,
 * capacity and the counts its registrations keep under its row lock, status
 * and its discussion thread), its hosts, agenda, practices to study and
 * target skills, the registrations with their arrival order, and the
 * notifications of registrations and changes.
 */
export class PeerExchanges1764000005100 implements MigrationInterface {
  name = 'PeerExchanges1764000005100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE peer_exchange (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (char_length(title) BETWEEN 8 AND 200),
        description_source text NOT NULL DEFAULT '' CHECK (char_length(description_source) <= 20000),
        description_html text NOT NULL DEFAULT '',
        format text NOT NULL CHECK (format IN ('STUDY_VISIT', 'WORKSHOP', 'WEBINAR', 'MENTORING', 'PEER_REVIEW')),
        host_territory_id uuid NOT NULL REFERENCES territory (id),
        host_project_id uuid REFERENCES project (id) ON DELETE SET NULL,
        host_community_id uuid NOT NULL REFERENCES community (id),
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3) NOT NULL,
        venue text CHECK (char_length(venue) BETWEEN 1 AND 500),
        online_url text CHECK (online_url ~ '^https://[^\\s]+$' AND char_length(online_url) <= 2000),
        capacity integer NOT NULL CHECK (capacity >= 0),
        registration_deadline timestamptz(3) NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'COMPLETED', 'CANCELLED')),
        cancel_reason text CHECK (char_length(cancel_reason) BETWEEN 1 AND 1000),
        thread_id uuid NOT NULL REFERENCES thread (id),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        registered_count integer NOT NULL DEFAULT 0 CHECK (registered_count >= 0),
        waitlisted_count integer NOT NULL DEFAULT 0 CHECK (waitlisted_count >= 0),
        arrivals bigint NOT NULL DEFAULT 0,
        hidden_at timestamptz(3),
        opened_at timestamptz(3),
        closed_at timestamptz(3),
        completed_at timestamptz(3),
        cancelled_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT peer_exchange_ends_after_start CHECK (ends_at > starts_at),
        CONSTRAINT peer_exchange_deadline_before_start CHECK (registration_deadline <= starts_at),
        CONSTRAINT peer_exchange_cancel_reason CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL)),
        CONSTRAINT peer_exchange_thread_key UNIQUE (thread_id)
      )`);
    await db.query(`CREATE INDEX peer_exchange_starts_idx ON peer_exchange (starts_at, id)`);
    await db.query(`CREATE INDEX peer_exchange_created_idx ON peer_exchange (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX peer_exchange_community_idx ON peer_exchange (host_community_id, starts_at)`);
    await db.query(`CREATE INDEX peer_exchange_territory_idx ON peer_exchange (host_territory_id)`);
    await db.query(`
      CREATE TABLE peer_exchange_host (
        exchange_id uuid NOT NULL REFERENCES peer_exchange (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        position integer NOT NULL,
        PRIMARY KEY (exchange_id, user_id)
      )`);
    await db.query(`CREATE INDEX peer_exchange_host_user_idx ON peer_exchange_host (user_id)`);
    await db.query(`
      CREATE TABLE peer_exchange_agenda_item (
        exchange_id uuid NOT NULL REFERENCES peer_exchange (id) ON DELETE CASCADE,
        position integer NOT NULL,
        starts_at timestamptz(3) NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        note text CHECK (char_length(note) <= 1000),
        PRIMARY KEY (exchange_id, position)
      )`);
    await db.query(`
      CREATE TABLE peer_exchange_practice (
        exchange_id uuid NOT NULL REFERENCES peer_exchange (id) ON DELETE CASCADE,
        practice_id uuid NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        position integer NOT NULL,
        PRIMARY KEY (exchange_id, practice_id)
      )`);
    await db.query(`CREATE INDEX peer_exchange_practice_practice_idx ON peer_exchange_practice (practice_id)`);
    await db.query(`
      CREATE TABLE peer_exchange_skill (
        exchange_id uuid NOT NULL REFERENCES peer_exchange (id) ON DELETE CASCADE,
        skill_id uuid NOT NULL REFERENCES skill (id),
        PRIMARY KEY (exchange_id, skill_id)
      )`);
    // ATTENDED and NO_SHOW are recorded after the exchange; the arrival orders the waitlist (the order the exchange's lock was granted).
    await db.query(`
      CREATE TABLE peer_exchange_registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        exchange_id uuid NOT NULL REFERENCES peer_exchange (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('REGISTERED', 'WAITLISTED', 'CANCELLED', 'ATTENDED', 'NO_SHOW')),
        note text CHECK (char_length(note) <= 1000),
        arrival bigint NOT NULL,
        promoted_at timestamptz(3),
        cancelled_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT peer_exchange_registration_once UNIQUE (exchange_id, user_id),
        CONSTRAINT peer_exchange_registration_arrival UNIQUE (exchange_id, arrival)
      )`);
    await db.query(`CREATE INDEX peer_exchange_registration_user_idx ON peer_exchange_registration (user_id, exchange_id)`);
    await db.query(
      `CREATE INDEX peer_exchange_registration_waitlist_idx ON peer_exchange_registration (exchange_id, arrival) WHERE status = 'WAITLISTED'`,
    );
    await db.query(`
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check,
        ADD CONSTRAINT notification_kind_check CHECK (kind IN (${KINDS_BEFORE}, ${EXCHANGE_KINDS}))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notification WHERE kind IN (${EXCHANGE_KINDS}) OR subject_type = 'PeerExchange'`);
    await db.query(`
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check,
        ADD CONSTRAINT notification_kind_check CHECK (kind IN (${KINDS_BEFORE}))`);
    await db.query(`DROP TABLE peer_exchange_registration, peer_exchange_skill, peer_exchange_practice, peer_exchange_agenda_item, peer_exchange_host`);
    await db.query(`DROP TABLE peer_exchange`);
  }
}
