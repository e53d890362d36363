import type { FeatureRoutes } from '../../app/routing';
import { queryLoader } from '../../app/routing';
import { ExchangeQuery } from './exchange.queries';

export const routes: FeatureRoutes = ({ client }) => [
  {
    // Signed in only: no loader, the page reads what it offers once the session is known.
    id: 'peer-exchange-new',
    path: 'peer-exchanges/new',
    lazy: { Component: async () => (await import('./plan-page')).PlanPage },
  },
  {
    id: 'peer-exchange-edit',
    path: 'peer-exchanges/:id/edit',
    lazy: { Component: async () => (await import('./edit-page')).EditPage },
  },
  {
    // A draft is read only by those who run it: the server (anonymous) answers 404, and the page's
    // data is loaded again once the browser knows who is reading.
    id: 'peer-exchange',
    path: 'peer-exchanges/:id',
    loader: queryLoader(
      client,
      ExchangeQuery,
      ({ params }) => ({ id: params['id'] ?? '' }),
      (data) => (data.node?.__typename === 'PeerExchange' ? data.node : null),
    ),
    lazy: { Component: async () => (await import('./exchange-page')).ExchangePage },
  },
];
