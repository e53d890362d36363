import type { QueryRunner } from 'typeorm';
import { languageOf } from './text-language';

const BATCH = 1_000;

/**
 * For a migration adding a `language` column (default 'it') to a table of written bodies: reads
 * every row's `body_text` once, in batches by id, and marks those in English.
 */
export async function backfillLanguage(db: QueryRunner, table: string): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows: { id: string; text: string }[] = await db.query(
      `SELECT id, body_text AS text FROM ${table} WHERE $1::uuid IS NULL OR id > $1 ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) return;
    const english = rows.filter(({ text }) => languageOf(text) === 'en').map(({ id }) => id);
    if (english.length > 0) await db.query(`UPDATE ${table} SET language = 'en' WHERE id = ANY($1::uuid[])`, [english]);
    after = rows.at(-1)?.id ?? null;
  }
}
