import { Meilisearch } from 'meilisearch';
import { MeilisearchEngine } from '../src/lib/engine/meilisearch';
import { engineContract } from './engine-contract';

const host = process.env['MEILI_HOST'];
const apiKey = process.env['MEILI_API_KEY'];

if (host === undefined || host === '') {
  describe.skip(
    'Meilisearch search engine contract (needs a server: `docker compose -f docker/compose.yaml up meilisearch`, then ' +
      '`MEILI_HOST=http://127.0.0.1:7700 MEILI_API_KEY=<the master key> npx jest libs/search/test/meilisearch.contract.spec.ts`)',
    () => {
      it('runs the shared contract against a fresh index', () => undefined);
    },
  );
} else {
  const client = new Meilisearch({ host, ...(apiKey === undefined ? {} : { apiKey }) });
  // A fresh index per run, so that runs never see each other's documents; deleted afterwards.
  const index = `bottega_contract_${process.pid}_${Date.now()}`;
  engineContract(
    'Meilisearch',
    async () => new MeilisearchEngine({ host, client, index }),
    async () => {
      const { results } = await client.getRawIndexes({ limit: 1_000 });
      for (const { uid } of results.filter((candidate) => candidate.uid === index || candidate.uid.startsWith(`${index}_`))) {
        await client.deleteIndex(uid).waitTask();
      }
    },
  );
}
