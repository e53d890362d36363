import type { FeatureRoutes } from '../../app/routing';
import { queryLoader } from '../../app/routing';
import { AskCommunityQuery } from './ask.queries';

export const routes: FeatureRoutes = ({ client }) => [
  {
    id: 'ask',
    path: 'communities/:slug/ask',
    loader: queryLoader(client, AskCommunityQuery, ({ params }) => ({ slug: params['slug'] ?? '' }), (data) => data.community),
    lazy: { Component: async () => (await import('./ask-page')).AskPage },
  },
];
