import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The filter keys and the words in one GIN index, where each had its own. A
 * filtered search reads it once: its scan steps through a common word's
 * postings only where the filters' rarer keys point, instead of reading all
 * of them and intersecting two bitmaps afterwards (on 100,000 documents,
 * "anziani soli" among Milan's practices read the index in 3.8 ms instead of
 * 13 ms). A search without filters, or filters without words, reads the same
 * index for its one column as fast as it read the column's own.
 */
export class SearchFilteredWords1764000006900 implements MigrationInterface {
  name = 'SearchFilteredWords1764000006900';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX search_document_filtered_words_idx ON search_document USING gin (filter_keys, words)`);
    // By what they index, not by name: an index rebuilt aside (see `PostgresSearchEngine.rebuild`) names its indexes anew.
    for (const { name } of await singleColumnIndexes(db, ['filter_keys', 'words'])) await db.query(`DROP INDEX ${name}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX search_document_filter_keys_idx ON search_document USING gin (filter_keys)`);
    await db.query(`CREATE INDEX search_document_words_idx ON search_document USING gin (words)`);
    const [combined]: { name: string }[] = await db.query(`
      SELECT quote_ident(i.relname) AS name
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       WHERE x.indrelid = 'search_document'::regclass AND x.indnatts = 2
         AND pg_get_indexdef(x.indexrelid) LIKE '%USING gin (filter_keys, words)'`);
    if (combined) await db.query(`DROP INDEX ${combined.name}`);
  }
}

function singleColumnIndexes(db: QueryRunner, columns: string[]): Promise<{ name: string }[]> {
  return db.query(
    `SELECT quote_ident(i.relname) AS name
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
      WHERE x.indrelid = 'search_document'::regclass AND x.indnatts = 1 AND a.attname = ANY($1::text[])`,
    [columns],
  );
}
