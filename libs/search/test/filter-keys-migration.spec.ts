import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '@bottega/testing';
import { PostgresSearchEngine } from '../src/lib/engine/postgres/postgres-engine';
import { QueryGlossary } from '../src/lib/query/query-plan';
import { SearchFilterKeys1764000006700 } from '../src/migrations/1764000006700-search-filter-keys';
import { doc } from './engine-contract';

/** An installation's index has been rebuilt (at its first start, or by `npm run reindex`) before the filter keys came. */
describe('search filter keys (migration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const indexes = async (): Promise<string[]> =>
    (await t.db.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'search_document'`))
      .map((row: { indexdef: string }) => row.indexdef.replace(/INDEX \S+ ON/, 'INDEX ON'))
      .sort();

  it('applies to an index rebuilt since it was created, whose indexes carry other names, and back', async () => {
    const engine = new PostgresSearchEngine(t.db, new QueryGlossary());
    const lecco = randomUUID();
    const practice = doc({ title: 'Custodi sociali per gli anziani soli', territoryIds: [lecco], tags: ['anziani'] });
    const thread = doc({ type: 'Thread', title: 'Anziani soli in estate', territoryIds: [lecco] });
    const migrated = await indexes();
    const migration = new SearchFilterKeys1764000006700();
    const runner = t.db.createQueryRunner();
    try {
      await migration.down(runner);
      await engine.rebuild(
        (async function* () {
          yield [practice, thread];
        })(),
      );
      await migration.up(runner);
      expect(await indexes()).toEqual(migrated);
      await migration.down(runner);
      await migration.up(runner);
      expect(await indexes()).toEqual(migrated);
    } finally {
      await runner.release();
    }
    const found = await engine.search({
      query: { text: 'anziani' },
      filter: { types: ['Practice'], territoryIds: [lecco], tags: ['anziani'] },
      principals: ['everyone'],
      order: 'RELEVANCE',
      offset: 0,
      limit: 10,
    });
    expect(found.hits.map((hit) => hit.id)).toEqual([practice.id]);
  });
});
