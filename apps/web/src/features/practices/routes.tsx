import type { FeatureRoutes } from '../../app/routing';
import { queryLoader } from '../../app/routing';
import { PracticeQuery } from './practice.queries';

export const routes: FeatureRoutes = ({ client }) => [
  {
    id: 'practice',
    path: 'practices/:slug',
    loader: queryLoader(client, PracticeQuery, ({ params }) => ({ slug: params['slug'] ?? '' }), (data) => data.practice),
    lazy: { Component: async () => (await import('./practice-page')).PracticePage },
  },
];
