import type { FeatureRoutes } from '../../app/routing';

// Written and reviewed signed in only: no loader, the pages query once the browser has restored the session.
export const routes: FeatureRoutes = () => [
  {
    id: 'practice-new',
    path: 'practices/new',
    lazy: { Component: async () => (await import('./new-practice-page')).NewPracticePage },
  },
  {
    id: 'practices-mine',
    path: 'practices/mine',
    lazy: { Component: async () => (await import('./mine-page')).MinePage },
  },
  {
    id: 'practices-review',
    path: 'practices/review',
    lazy: { Component: async () => (await import('./review-list-page')).ReviewListPage },
  },
  {
    id: 'practice-edit',
    path: 'practices/:slug/edit',
    lazy: { Component: async () => (await import('./edit-page')).EditPage },
  },
  {
    id: 'practice-review',
    path: 'practices/:slug/review',
    lazy: { Component: async () => (await import('./review-page')).ReviewPage },
  },
];
