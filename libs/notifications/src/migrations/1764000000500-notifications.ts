import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1764000000500 implements MigrationInterface {
  name = 'Notifications1764000000500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE follow (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        subject_type text NOT NULL CHECK (subject_type IN ('THREAD', 'COMMUNITY', 'TAG', 'TERRITORY')),
        subject_key text NOT NULL CHECK (char_length(subject_key) BETWEEN 1 AND 80),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, subject_type, subject_key)
      )`);
    await db.query(`CREATE INDEX follow_subject_idx ON follow (subject_type, subject_key)`);
    await db.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('REPLY', 'MENTION', 'ANSWER_ACCEPTED', 'NEW_THREAD')),
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        subject_type text NOT NULL CHECK (subject_type ~ '^[A-Z][A-Za-z]+$'),
        subject_id uuid NOT NULL,
        event_key text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        read_at timestamptz(3),
        CONSTRAINT notification_event_once UNIQUE (recipient_id, event_key)
      )`);
    await db.query(`CREATE INDEX notification_recipient_idx ON notification (recipient_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX notification_unread_idx ON notification (recipient_id, created_at DESC, id DESC) WHERE read_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification, follow`);
  }
}
