import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Memberships, coordination and invitations are principals: their changes tell every process (`bottega_account_changed`). */
export class MembershipChangeTriggers1764000003420 implements MigrationInterface {
  name = 'MembershipChangeTriggers1764000003420';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TRIGGER community_membership_account_changed
      AFTER INSERT OR DELETE OR UPDATE OF user_id, community_id, role ON community_membership
      FOR EACH ROW EXECUTE FUNCTION bottega_account_changed('user_id')`);
    await db.query(`
      CREATE TRIGGER community_invitation_account_changed
      AFTER INSERT OR DELETE OR UPDATE OF invitee_id, community_id ON community_invitation
      FOR EACH ROW EXECUTE FUNCTION bottega_account_changed('invitee_id')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER community_invitation_account_changed ON community_invitation`);
    await db.query(`DROP TRIGGER community_membership_account_changed ON community_membership`);
  }
}
