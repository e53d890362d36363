import type { Client } from 'pg';
import { accessSlots } from '../lib/engine/access-slots';
import { readable } from '../lib/engine/postgres/postgres-search.sql';

/**
 * Which `item:reader` pairs the search index lets a reader find, for items
 * with these audience restrictions: through the engine's own access slots
 * and the PostgreSQL engine's own access condition, so an audience's
 * agreement test covers what search returns and counts.
 */
export async function searchAdmissions(
  client: Client,
  restrictions: readonly string[][][],
  readers: Readonly<Record<string, readonly string[]>>,
): Promise<Set<string>> {
  const slots = restrictions.map((access, item) => accessSlots('postgres', `item ${item}`, access));
  const { rows } = await client.query<{ item: number; reader: string }>(
    `SELECT d.item, p.name AS reader
       FROM (SELECT f.i - 1 AS item,
                    ARRAY(SELECT jsonb_array_elements_text(f.slots -> 0)) AS access0, ARRAY(SELECT jsonb_array_elements_text(f.slots -> 1)) AS access1,
                    ARRAY(SELECT jsonb_array_elements_text(f.slots -> 2)) AS access2, ARRAY(SELECT jsonb_array_elements_text(f.slots -> 3)) AS access3
               FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS f(slots, i)) AS d,
            (SELECT r.name, ARRAY(SELECT jsonb_array_elements_text(r.principals)) AS principals FROM jsonb_each($2::jsonb) AS r(name, principals)) AS p
      WHERE ${readable('p.principals')}`,
    [JSON.stringify(slots), JSON.stringify(readers)],
  );
  return new Set(rows.map((row) => `${row.item}:${row.reader}`));
}
