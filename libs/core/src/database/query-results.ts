/** The rows of an `UPDATE … RETURNING` (or `DELETE … RETURNING`), which the driver answers as [rows, count]. */
export const updatedRows = <T>(result: [T[], number]): T[] => result[0];

/**
 * Splits a row that read another beside it: the columns named `<prefix><name>`
 * become the second object's `name`, the rest stay the first's.
 */
export function splitPrefixed<A, B>(row: Record<string, unknown>, prefix: string): [A, B] {
  const own: Record<string, unknown> = {};
  const other: Record<string, unknown> = {};
  for (const key in row) {
    if (key.startsWith(prefix)) other[key.slice(prefix.length)] = row[key];
    else own[key] = row[key];
  }
  return [own as A, other as B];
}
