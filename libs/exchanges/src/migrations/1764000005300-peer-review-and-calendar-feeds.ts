import type { MigrationInterface, QueryRunner } from 'typeorm';

const REVIEW_KINDS = ['EXCHANGE_REVIEW_INVITED', 'EXCHANGE_REVIEW_ACCEPTED', 'EXCHANGE_REVIEW_DECLINED', 'EXCHANGE_ACTION_PLAN'];

/** The kinds the notification table admits now, whoever added them. */
async function notificationKinds(db: QueryRunner): Promise<string[]> {
  const [row]: { definition: string }[] = await db.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'notification_kind_check' AND conrelid = 'notification'::regclass`,
  );
  return [...(row?.definition ?? '').matchAll(/'([A-Z_]+)'/g)].map((match) => match[1] as string);
}

async function admitKinds(db: QueryRunner, kinds: string[]): Promise<void> {
  const list = kinds.map((kind) => `'${kind}'`).join(', ');
  await db.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check, ADD CONSTRAINT notification_kind_check CHECK (kind IN (${list}))`);
}

/**
 * Peer reviews: the question a PEER_REVIEW exchange puts to its peers, the
 * host's action plan, the invitations (one per person and exchange), the
 * reviewers' recommendations and the host's response to each; and the
 * personal calendar feeds, kept as the hash of their token only.
 */
export class PeerReviewAndCalendarFeeds1764000005300 implements MigrationInterface {
  name = 'PeerReviewAndCalendarFeeds1764000005300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE peer_exchange_review (
        exchange_id uuid PRIMARY KEY REFERENCES peer_exchange (id) ON DELETE CASCADE,
        question text NOT NULL CHECK (char_length(question) BETWEEN 10 AND 2000),
        action_plan_source text CHECK (char_length(action_plan_source) BETWEEN 1 AND 20000),
        action_plan_html text,
        answered_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        answered_at timestamptz(3),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT peer_exchange_review_answer CHECK ((answered_at IS NULL) = (action_plan_source IS NULL))
      )`);
    await db.query(`
      CREATE TABLE peer_review_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        exchange_id uuid NOT NULL REFERENCES peer_exchange (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        invited_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'INVITED' CHECK (status IN ('INVITED', 'ACCEPTED', 'DECLINED')),
        invited_at timestamptz(3) NOT NULL DEFAULT now(),
        responded_at timestamptz(3),
        CONSTRAINT peer_review_invitation_once UNIQUE (exchange_id, user_id),
        CONSTRAINT peer_review_invitation_responded CHECK ((status = 'INVITED') = (responded_at IS NULL))
      )`);
    await db.query(`CREATE INDEX peer_review_invitation_user_idx ON peer_review_invitation (user_id, exchange_id)`);
    await db.query(`
      CREATE TABLE peer_review_recommendation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        exchange_id uuid NOT NULL REFERENCES peer_exchange (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        text_source text NOT NULL CHECK (char_length(text_source) BETWEEN 3 AND 5000),
        text_html text NOT NULL,
        response text CHECK (response IN ('ACCEPTED', 'PARTLY', 'DECLINED')),
        response_note text CHECK (char_length(response_note) <= 2000),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE INDEX peer_review_recommendation_exchange_idx ON peer_review_recommendation (exchange_id, created_at, id)`);
    await db.query(`
      CREATE TABLE exchange_calendar_feed (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        revoked_at timestamptz(3),
        last_read_at timestamptz(3),
        CONSTRAINT exchange_calendar_feed_token UNIQUE (token_hash)
      )`);
    await db.query(`CREATE INDEX exchange_calendar_feed_user_idx ON exchange_calendar_feed (user_id) WHERE revoked_at IS NULL`);
    await admitKinds(db, [...new Set([...(await notificationKinds(db)), ...REVIEW_KINDS])]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notification WHERE kind = ANY($1::text[])`, [REVIEW_KINDS]);
    await admitKinds(db, (await notificationKinds(db)).filter((kind) => !REVIEW_KINDS.includes(kind)));
    await db.query(`DROP TABLE exchange_calendar_feed, peer_review_recommendation, peer_review_invitation, peer_exchange_review`);
  }
}
