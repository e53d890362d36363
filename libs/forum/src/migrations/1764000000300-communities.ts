import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Communities1764000000300 implements MigrationInterface {
  name = 'Communities1764000000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE community (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL CHECK (char_length(name) BETWEEN 3 AND 80),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
        kind text NOT NULL CHECK (kind IN ('THEMATIC', 'TERRITORIAL')),
        visibility text NOT NULL CHECK (visibility IN ('PUBLIC', 'MEMBERS_ONLY', 'PRIVATE')),
        territory_id uuid REFERENCES territory (id),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        member_count integer NOT NULL DEFAULT 0 CHECK (member_count >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT community_slug_key UNIQUE (slug),
        CONSTRAINT community_territorial_has_territory CHECK (kind <> 'TERRITORIAL' OR territory_id IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX community_name_idx ON community (lower(name), id)`);
    await db.query(`CREATE INDEX community_territory_idx ON community (territory_id)`);
    await db.query(`
      CREATE TABLE community_membership (
        community_id uuid NOT NULL REFERENCES community (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('MEMBER', 'COORDINATOR')),
        joined_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (community_id, user_id)
      )`);
    await db.query(`CREATE INDEX community_membership_user_idx ON community_membership (user_id)`);
    await db.query(`
      CREATE TABLE community_invitation (
        community_id uuid NOT NULL REFERENCES community (id) ON DELETE CASCADE,
        invitee_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        invited_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (community_id, invitee_id)
      )`);
    await db.query(`CREATE INDEX community_invitation_invitee_idx ON community_invitation (invitee_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE community_invitation, community_membership, community`);
  }
}
