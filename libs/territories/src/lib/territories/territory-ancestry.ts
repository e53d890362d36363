import type { EntityManager } from 'typeorm';

/**
 * Each territory with every territory that contains it (itself included):
 * what a search document carries, so that filtering by Lombardy finds what
 * is in Lecco. Unknown ids are left out.
 */
export async function territoryAncestry(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string[]>> {
  const ancestry = new Map<string, string[]>();
  if (ids.length === 0) return ancestry;
  const rows: { id: string; within: string[] }[] = await manager.query(
    `SELECT child.id, array_agg(a.id ORDER BY nlevel(a.path) DESC) AS within
       FROM territory child JOIN territory a ON a.path @> child.path
      WHERE child.id = ANY($1::uuid[]) GROUP BY child.id`,
    [[...new Set(ids)]],
  );
  for (const row of rows) ancestry.set(row.id, row.within);
  return ancestry;
}
