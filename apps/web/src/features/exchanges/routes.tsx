import type { FeatureRoutes } from '../../app/routing';
import { queryLoader } from '../../app/routing';
import { ExchangeQuery } from './exchange.queries';

export const routes: FeatureRoutes = ({ client }) => [
  {
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
