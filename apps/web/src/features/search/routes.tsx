import type { FeatureRoutes } from '../../app/routing';
import { readSearchParams } from './search-params';
import { SearchQuery, TerritoryIdQuery } from './search.queries';

export const routes: FeatureRoutes = ({ client }) => [
  {
    id: 'search',
    path: 'search',
    // The territory filter is a code in the URL (readable, stable) and a global id in the API.
    loader: async ({ request }) => {
      const params = readSearchParams(new URL(request.url).searchParams);
      let territoryId: string | null = null;
      if (params.territory) {
        const found = await client.query(TerritoryIdQuery, { code: params.territory }).toPromise();
        territoryId = found.data?.territory?.id ?? null;
      }
      const filter = {
        ...(params.type ? { types: [params.type] } : {}),
        ...(territoryId ? { territoryIds: [territoryId] } : {}),
        ...(params.tag ? { tags: [params.tag] } : {}),
      };
      const variables = { query: params.q, filter, after: params.after };
      // Nothing asked yet: the page invites a search instead of listing everything.
      if (!params.q && !params.type && !params.territory && !params.tag) return { variables, browsing: true };
      const result = await client.query(SearchQuery, variables).toPromise();
      if (result.error && !result.data) throw result.error;
      return { variables, browsing: false };
    },
    lazy: { Component: async () => (await import('./search-page')).SearchPage },
  },
];
