import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The largest row PostgreSQL keeps whole in the table: the most `toast_tuple_target` allows. */
const ROW_TARGET = 8160;

/**
 * A document's row kept whole in the table, its words with it, instead of
 * the words in TOAST as soon as the row passes 2 kB. A search reads the
 * words of every row it matches (a phrase among the query's alternatives
 * makes the words' index only a first sieve) and of the best 200 again to
 * score them; from TOAST each read first looks its chunks up in an index.
 * On 100,000 documents a filtered search ("anziani soli" among Milan's
 * practices) took 26–27 ms instead of 31–33 ms, the whole index 7% more
 * space, and an unfiltered common word that matches a third of the corpus
 * 10% longer (it reads more table pages). Rows written before keep their
 * place until they are written again; `npm run reindex` rewrites them all.
 */
export class SearchRowsInPlace1764000007000 implements MigrationInterface {
  name = 'SearchRowsInPlace1764000007000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE search_document SET (toast_tuple_target = ${ROW_TARGET})`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE search_document RESET (toast_tuple_target)`);
  }
}
