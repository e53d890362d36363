import type { FeatureRoutes } from '../../app/routing';

export const routes: FeatureRoutes = () => [
  {
    id: 'settings-profile',
    path: 'settings/profile',
    lazy: { Component: async () => (await import('./profile-edit-page')).ProfileEditPage },
  },
  {
    id: 'settings-follows',
    path: 'settings/follows',
    lazy: { Component: async () => (await import('./follows-page')).FollowsPage },
  },
];
