import type { FeatureRoutes } from '../../app/routing';

// Read signed in only: no loader, the pages query once the browser has restored the session.
export const routes: FeatureRoutes = () => [
  {
    id: 'moderation-queue',
    path: 'moderation',
    lazy: { Component: async () => (await import('./queue-page')).QueuePage },
  },
  {
    id: 'moderation-audit',
    path: 'moderation/audit',
    lazy: { Component: async () => (await import('./audit-page')).AuditPage },
  },
  {
    id: 'moderation-suspensions',
    path: 'moderation/suspensions',
    lazy: { Component: async () => (await import('./suspensions-page')).SuspensionsPage },
  },
];
