import type { LoaderFunctionArgs } from 'react-router';
import type { FeatureRoutes } from '../../app/routing';
import { queryLoader } from '../../app/routing';
import { ExchangeQuery } from './exchange.queries';
import { ExchangeRouteError, readAgain } from './exchange-route-error';

export const routes: FeatureRoutes = ({ client }) => {
  const exchange = queryLoader(
    client,
    ExchangeQuery,
    ({ params }) => ({ id: params['id'] ?? '' }),
    (data) => (data.node?.__typename === 'PeerExchange' ? data.node : null),
  );
  return [
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
      id: 'peer-exchange',
      path: 'peer-exchanges/:id',
      loader: async (args: LoaderFunctionArgs) => {
        const id = args.params['id'] ?? '';
        // After a 404 the server gave anonymously, ask the API again with the session, past the cached null.
        if (readAgain.delete(id)) await client.query(ExchangeQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
        return exchange(args);
      },
      errorElement: <ExchangeRouteError />,
      lazy: { Component: async () => (await import('./exchange-page')).ExchangePage },
    },
  ];
};
