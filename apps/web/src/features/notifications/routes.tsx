import type { FeatureRoutes } from '../../app/routing';

export const routes: FeatureRoutes = () => [
  {
    id: 'notifications',
    path: 'notifications',
    lazy: { Component: async () => (await import('./notifications-page')).NotificationsPage },
  },
];
