import type { FeatureRoutes } from '../../app/routing';
import { queryLoader } from '../../app/routing';
import { HomeQuery } from './home.queries';

/** Upcoming exchanges are those from the start of the current hour, so the server's and the browser's variables agree. */
function startOfHour(): string {
  const now = new Date();
  now.setUTCMinutes(0, 0, 0);
  return now.toISOString();
}

export const routes: FeatureRoutes = ({ client }) => [
  {
    id: 'home',
    index: true,
    loader: queryLoader(client, HomeQuery, () => ({ from: startOfHour() })),
    lazy: { Component: async () => (await import('./home-page')).HomePage },
  },
];
