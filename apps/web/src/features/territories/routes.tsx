import type { FeatureRoutes } from '../../app/routing';
import { notFound } from '../../app/routing';
import { TerritoryContentQuery, TerritoryQuery } from './territory.queries';

export const routes: FeatureRoutes = ({ client }) => [
  {
    id: 'territory',
    path: 'territories/:code',
    // Practices and exchanges are filtered by the territory's id, known once it is loaded.
    loader: async ({ params }) => {
      const code = (params['code'] ?? '').toUpperCase();
      const found = await client.query(TerritoryQuery, { code }).toPromise();
      if (found.error && !found.data) throw found.error;
      const territory = found.data?.territory;
      if (!territory) notFound();
      const content = { territory: territory.id };
      const listed = await client.query(TerritoryContentQuery, content).toPromise();
      if (listed.error && !listed.data) throw listed.error;
      return { variables: { code }, content };
    },
    lazy: { Component: async () => (await import('./territory-page')).TerritoryPage },
  },
];
