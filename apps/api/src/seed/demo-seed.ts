import type { DataSource } from 'typeorm';
import { seedDemoForum } from '@bottega/forum';
import { PasswordHasher, seedDemoUsers } from '@bottega/identity';
import { seedDemoDirectory } from '@bottega/territories';

/**
 * Seeds the demo content once per database, in one transaction (all or
 * nothing); returns false when it was already there.
 */
export async function seedDemoContent(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO seed_run (name) VALUES ('demo') ON CONFLICT DO NOTHING RETURNING name`,
    );
    if (inserted.length === 0) return false;
    const users = await seedDemoUsers(manager, new PasswordHasher());
    await seedDemoDirectory(manager, users);
    await seedDemoForum(manager, users);
    return true;
  });
}
