import type { EntityManager } from 'typeorm';

/** A territory with every territory that contains it, itself first. */
export interface Ancestry {
  ids: string[];
  names: string[];
}

/**
 * Each territory with every territory that contains it: what a search
 * document carries, so that filtering by Lombardy, or typing "Lombardia",
 * finds what is in Lecco. Unknown ids are left out.
 */
export async function territoryAncestry(manager: EntityManager, ids: readonly string[]): Promise<Map<string, Ancestry>> {
  const ancestry = new Map<string, Ancestry>();
  if (ids.length === 0) return ancestry;
  const rows: { id: string; ids: string[]; names: string[] }[] = await manager.query(
    `SELECT child.id, array_agg(a.id ORDER BY nlevel(a.path) DESC) AS ids, array_agg(a.name ORDER BY nlevel(a.path) DESC) AS names
       FROM territory child JOIN territory a ON a.path @> child.path
      WHERE child.id = ANY($1::uuid[]) GROUP BY child.id`,
    [[...new Set(ids)]],
  );
  for (const row of rows) ancestry.set(row.id, { ids: row.ids, names: row.names });
  return ancestry;
}
