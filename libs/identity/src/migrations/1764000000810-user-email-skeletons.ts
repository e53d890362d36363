import { remove } from 'confusables';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each account's email looks like, unique, so that no new account can be
 * mistaken for an existing one. The formula is frozen here as it was when this
 * migration was written (identity's `skeleton`): later changes to the live one
 * come with their own migration.
 */
const skeleton = (text: string): string => remove(text.normalize('NFKC')).toLowerCase();

export class UserEmailSkeletons1764000000810 implements MigrationInterface {
  name = 'UserEmailSkeletons1764000000810';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE app_user ADD COLUMN email_skeleton text`);
    const users: { id: string; email: string }[] = await db.query(`SELECT id, email FROM app_user ORDER BY created_at, id`);
    // Accounts that already look alike keep working; the oldest holds the skeleton.
    const seen = new Set<string>();
    const ids: string[] = [];
    const skeletons: string[] = [];
    for (const user of users) {
      const value = skeleton(user.email);
      if (seen.has(value)) continue;
      seen.add(value);
      ids.push(user.id);
      skeletons.push(value);
    }
    await db.query(
      `UPDATE app_user u SET email_skeleton = s.skeleton FROM unnest($1::uuid[], $2::text[]) AS s(id, skeleton) WHERE u.id = s.id`,
      [ids, skeletons],
    );
    await db.query(`CREATE UNIQUE INDEX app_user_email_skeleton_key ON app_user (email_skeleton)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE app_user DROP COLUMN email_skeleton`);
  }
}
