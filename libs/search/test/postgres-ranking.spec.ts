import { startTestApp, type TestApp } from '@bottega/testing';
import { PostgresSearchEngine } from '../src/lib/engine/postgres/postgres-engine';
import { RANKED } from '../src/lib/engine/postgres/postgres-search.sql';
import type { SearchRequest } from '../src/lib/engine/search-engine';
import { QueryGlossary } from '../src/lib/query/query-plan';
import { doc } from './engine-contract';

/** The PostgreSQL engine's own ranking: more matches than it scores in full, and the rarities it remembers. */
describe('PostgreSQL ranking', () => {
  let t: TestApp;
  let engine: PostgresSearchEngine;
  const request = (text: string, offset = 0, limit = 50): SearchRequest => ({
    query: { text },
    filter: {},
    principals: ['everyone'],
    order: 'RELEVANCE',
    offset,
    limit,
  });

  beforeAll(async () => {
    t = await startTestApp();
    await t.db.query(`TRUNCATE search_document, search_word`);
    engine = new PostgresSearchEngine(t.db, new QueryGlossary());
  });
  afterAll(() => t.close());

  it(`pages through more matches than the ${RANKED} scored in full, each once, the best first`, async () => {
    // The best match is the oldest, and its word is in its title only: nothing but its score brings it first.
    const best = doc({ title: 'Orti condivisi sul tetto', body: 'Un progetto di quartiere.' });
    const others = Array.from({ length: RANKED + 100 }, (_, index) =>
      doc({ title: `Attività numero ${index}`, body: `Nel quartiere si coltivano anche orti, tra le altre cose (${index}).` }),
    );
    await engine.apply({ upserts: [best, ...others], removals: [] });
    await t.db.query(`ANALYZE search_document`);

    const seen: string[] = [];
    for (let offset = 0; offset < others.length + 1; offset += 50) seen.push(...(await engine.search(request('orti', offset))).hits.map((hit) => hit.id));
    expect(seen).toHaveLength(others.length + 1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen[0]).toBe(best.id);
    // The same page asked twice is the same page.
    const again = (await engine.search(request('orti', RANKED - 25))).hits.map((hit) => hit.id);
    expect(again).toEqual(seen.slice(RANKED - 25, RANKED + 25));
  });

  /** Runs `work` while the parameters of each statement whose text holds `marker` are recorded. */
  const recording = async (marker: string, work: (statements: unknown[][]) => Promise<void>) => {
    const statements: unknown[][] = [];
    const query = t.db.query.bind(t.db);
    const spy = jest.spyOn(t.db, 'query').mockImplementation(async (sql: string, parameters?: any) => {
      if (sql.includes(marker)) statements.push((parameters as unknown[] | undefined) ?? []);
      return query(sql, parameters);
    });
    try {
      await work(statements);
    } finally {
      spy.mockRestore();
    }
  };

  it('remembers how rare a concept is, and gives the same answer when it does', async () => {
    await recording('matched AS', async (statements) => {
      const fresh = new PostgresSearchEngine(t.db, new QueryGlossary());
      const first = await fresh.search(request('orti tetto'));
      const second = await fresh.search(request('orti tetto'));
      expect(second.hits).toEqual(first.hits);
      const concepts = statements.map((parameters) => JSON.parse(String(parameters[0])) as { rarity?: number }[]);
      expect(concepts[0]!.every((concept) => concept.rarity === undefined)).toBe(true);
      expect(concepts[1]!.every((concept) => typeof concept.rarity === 'number' && concept.rarity > 0)).toBe(true);
    });
  });

  it('remembers the words documents use, so their next search asks nothing about them, and still corrects a misspelt one', async () => {
    await recording('FROM search_word w', async (lookups) => {
      const fresh = new PostgresSearchEngine(t.db, new QueryGlossary());
      const first = await fresh.search(request('orti tetto'));
      expect(lookups).toHaveLength(1);
      expect(await fresh.search(request('orti tetto'))).toEqual({ ...first, processingTimeMs: expect.any(Number) });
      expect(lookups).toHaveLength(1);
      // "tettu" is no document's word: it is looked up, and found near "tetto", every time.
      const misspelt = await fresh.search(request('orti tettu'));
      expect(lookups.at(-1)).toEqual([['tettu']]);
      expect(misspelt.hits[0]?.id).toBe(first.hits[0]?.id);
      await fresh.search(request('orti tettu'));
      expect(lookups).toHaveLength(3);
    });
  });
});
