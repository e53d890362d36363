import type { FeatureRoutes } from '../../app/routing';

// The API serves the CSV under /reports/, so the page lives at /activity-report. Read signed in
// only: no loader, the page queries once the browser has restored the session.
export const routes: FeatureRoutes = () => [
  {
    id: 'activity-report',
    path: 'activity-report',
    lazy: { Component: async () => (await import('./activity-page')).ActivityPage },
  },
];
