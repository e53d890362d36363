import type { FeatureRoutes } from '../../app/routing';
import { queryLoader } from '../../app/routing';
import { ProfileQuery } from './profile.queries';

export const routes: FeatureRoutes = ({ client }) => [
  {
    id: 'profile',
    path: 'u/:handle',
    loader: queryLoader(client, ProfileQuery, ({ params }) => ({ handle: params['handle'] ?? '' }), (data) => data.user),
    lazy: { Component: async () => (await import('./profile-page')).ProfilePage },
  },
];
