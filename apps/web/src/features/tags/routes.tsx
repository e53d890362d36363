import type { FeatureRoutes } from '../../app/routing';
import { queryLoader } from '../../app/routing';
import { TagQuery } from './tag.queries';

export const routes: FeatureRoutes = ({ client }) => [
  {
    id: 'tag',
    path: 'tags/:tag',
    // A topic is any tag: one nothing uses yet is still a page, listing nothing.
    loader: queryLoader(client, TagQuery, ({ params }) => ({ tag: params['tag'] ?? '' })),
    lazy: { Component: async () => (await import('./tag-page')).TagPage },
  },
];
