import { startTestApp, type TestApp } from '@bottega/testing';
import { PostgresSearchEngine } from '../src/lib/engine/postgres/postgres-engine';
import { QueryGlossary } from '../src/lib/query/query-plan';
import { engineContract } from './engine-contract';

let t: TestApp;
engineContract(
  'PostgreSQL',
  async () => {
    t = await startTestApp();
    await t.db.query(`TRUNCATE search_document, search_word`);
    return new PostgresSearchEngine(t.db, new QueryGlossary());
  },
  () => t.close(),
);
