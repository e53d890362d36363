import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '@bottega/testing';
import { PostgresSearchEngine } from '../src/lib/engine/postgres/postgres-engine';
import { QueryGlossary } from '../src/lib/query/query-plan';
import { SearchFilterKeys1764000006700 } from '../src/migrations/1764000006700-search-filter-keys';
import { SearchOwnLanguageWords1764000006800 } from '../src/migrations/1764000006800-search-own-language-words';
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
    const words = new SearchOwnLanguageWords1764000006800();
    const migration = new SearchFilterKeys1764000006700();
    const runner = t.db.createQueryRunner();
    try {
      await words.down(runner);
      await migration.down(runner);
      await engine.rebuild(
        (async function* () {
          yield [practice, thread];
        })(),
      );
      await migration.up(runner);
      await words.up(runner);
      expect(await indexes()).toEqual(migrated);
      await words.down(runner);
      await migration.down(runner);
      await migration.up(runner);
      await words.up(runner);
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
    const words = new SearchOwnLanguageWords1764000006800();
    const runner = t.db.createQueryRunner();
    try {
      await words.down(runner);
      await words.up(runner);
    } finally {
      await runner.release();
    }
    expect(await found(engine, 'anziani soli')).toEqual(before);
    expect(await found(engine, 'loneliness')).toEqual(expect.arrayContaining([english.id]));
  });
});
