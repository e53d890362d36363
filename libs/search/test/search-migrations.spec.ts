import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { startTestApp, type TestApp } from '@bottega/testing';
import { PostgresSearchEngine } from '../src/lib/engine/postgres/postgres-engine';
import { QueryGlossary } from '../src/lib/query/query-plan';
import { SearchFilterKeys1764000006700 } from '../src/migrations/1764000006700-search-filter-keys';
import { SearchOwnLanguageWords1764000006800 } from '../src/migrations/1764000006800-search-own-language-words';
import { SearchFilteredWords1764000006900 } from '../src/migrations/1764000006900-search-filtered-words';
import { SearchRowsInPlace1764000007000 } from '../src/migrations/1764000007000-search-rows-in-place';
import { doc } from './engine-contract';

describe('search index migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const indexes = async (): Promise<string[]> =>
    (await t.db.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'search_document'`))
      .map((row: { indexdef: string }) => row.indexdef.replace(/INDEX \S+ ON/, 'INDEX ON'))
      .sort();

  /** The index's migrations from the filter keys on, reverted from the newest down to `from`, then applied again. */
  const MIGRATIONS = [
    new SearchFilterKeys1764000006700(),
    new SearchOwnLanguageWords1764000006800(),
    new SearchFilteredWords1764000006900(),
    new SearchRowsInPlace1764000007000(),
  ];
  const down = async (runner: QueryRunner, from: number) => {
    for (const migration of MIGRATIONS.slice(from).reverse()) await migration.down(runner);
  };
  const up = async (runner: QueryRunner, from: number) => {
    for (const migration of MIGRATIONS.slice(from)) await migration.up(runner);
  };

  const lecco = randomUUID();
  const practice = doc({ title: 'Custodi sociali per gli anziani soli', territoryIds: [lecco], tags: ['anziani'] });
  const thread = doc({ type: 'Thread', title: 'Anziani soli in estate', territoryIds: [lecco] });
  const found = async (engine: PostgresSearchEngine, text: string) =>
    (
      await engine.search({
        query: { text },
        filter: { types: ['Practice'], territoryIds: [lecco], tags: ['anziani'] },
        principals: ['everyone'],
        order: 'RELEVANCE',
        offset: 0,
        limit: 10,
      })
    ).hits.map((hit) => hit.id);

  // An installation's index has been rebuilt (at its first start, or by `npm run reindex`) before the filter keys came.
  it('adds the filter keys to an index rebuilt since it was created, whose indexes carry other names, and back', async () => {
    const engine = new PostgresSearchEngine(t.db, new QueryGlossary());
    const migrated = await indexes();
    const runner = t.db.createQueryRunner();
    try {
      await down(runner, 0);
      await engine.rebuild(
        (async function* () {
          yield [practice, thread];
        })(),
      );
      await up(runner, 0);
      expect(await indexes()).toEqual(migrated);
      await down(runner, 0);
      await up(runner, 0);
      expect(await indexes()).toEqual(migrated);
    } finally {
      await runner.release();
    }
    expect(await found(engine, 'anziani')).toEqual([practice.id]);
  });

  it("keeps every document's words, in its own language, through the change of word columns and back", async () => {
    const engine = new PostgresSearchEngine(t.db, new QueryGlossary());
    const english = doc({ title: 'Caretakers for older people living alone', language: 'en', territoryIds: [lecco], tags: ['anziani'] });
    await engine.apply({ upserts: [english], removals: [] });
    const before = await found(engine, 'anziani soli');
    expect(before).toEqual(expect.arrayContaining([practice.id, english.id]));
    const runner = t.db.createQueryRunner();
    try {
      await down(runner, 1);
      await up(runner, 1);
    } finally {
      await runner.release();
    }
    expect(await found(engine, 'anziani soli')).toEqual(before);
    expect(await found(engine, 'loneliness')).toEqual(expect.arrayContaining([english.id]));
  });

  it('keeps one index for the filter keys and the words, which a filtered search reads once', async () => {
    expect((await indexes()).filter((definition) => definition.includes('USING gin'))).toEqual([
      'CREATE INDEX ON public.search_document USING gin (filter_keys, words)',
      expect.stringContaining('USING gin (scopes)'),
    ]);
    const runner = t.db.createQueryRunner();
    try {
      await runner.startTransaction();
      // As on a large index, where the planner prefers an index to reading the table.
      await runner.query('SET LOCAL enable_seqscan = off');
      const [plan] = await runner.query(
        `EXPLAIN (FORMAT JSON) SELECT key FROM search_document WHERE filter_keys && ARRAY['type:Practice'] AND words @@ to_tsquery('bottega_it', 'anziani')`,
      );
      // One index scan answers both conditions: no second index, no intersection of bitmaps.
      const nodeTypes = JSON.stringify(plan).match(/"Node Type":"[^"]+"/g);
      expect(nodeTypes).toEqual(['"Node Type":"Bitmap Heap Scan"', '"Node Type":"Bitmap Index Scan"']);
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  });

  it('keeps a document’s row whole in the table, through a rebuild too', async () => {
    const engine = new PostgresSearchEngine(t.db, new QueryGlossary());
    // About 300 different words: a row of some 5 kB, words included.
    const body = Array.from({ length: 300 }, (_, i) => `voce${(i * 7919).toString(36)}`).join(' ');
    const long = doc({ title: 'Custodi sociali per gli anziani soli', body, territoryIds: [lecco] });
    const rebuilt = async () => {
      await engine.rebuild(
        (async function* () {
          yield [practice, thread, long];
        })(),
      );
      const [{ options, toast }] = await t.db.query(
        `SELECT reloptions AS options, reltoastrelid::regclass::text AS toast FROM pg_class WHERE oid = 'search_document'::regclass`,
      );
      const [{ chunks }] = await t.db.query(`SELECT count(*)::int AS chunks FROM ${toast}`);
      return { options, chunks };
    };
    expect(await rebuilt()).toEqual({ options: ['toast_tuple_target=8160'], chunks: 0 });
    const runner = t.db.createQueryRunner();
    try {
      // Without it, the same row's words go to TOAST.
      await MIGRATIONS[3]?.down(runner);
      const toasted = await rebuilt();
      expect(toasted.options).toBeNull();
      expect(toasted.chunks).toBeGreaterThan(0);
      await MIGRATIONS[3]?.up(runner);
    } finally {
      await runner.release();
    }
    expect(await rebuilt()).toEqual({ options: ['toast_tuple_target=8160'], chunks: 0 });
  });
});
