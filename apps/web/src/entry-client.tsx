import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, RouterProvider, type RouteObject } from 'react-router';
import { AppProviders, appRoutes } from './app/app';
import { browserSubscriptions, createGraphQLClient, createSsr } from './app/client';
import { createSessionHolder } from './app/session';
import { PAGE_STATE_ID, type PageState } from './app/state';
import './app/styles.css';

/** Loads the lazy parts of the routes the server rendered, so hydration finds the same tree. */
async function loadMatchedLazyRoutes(routes: RouteObject[]): Promise<void> {
  for (const { route } of matchRoutes(routes, location) ?? []) {
    const lazy = route.lazy;
    if (!lazy) continue;
    if (typeof lazy === 'function') {
      Object.assign(route, await lazy());
    } else {
      for (const [key, load] of Object.entries(lazy) as [keyof RouteObject, () => Promise<unknown>][]) {
        Object.assign(route, { [key]: await load() });
      }
    }
    delete route.lazy;
  }
}

async function start(): Promise<void> {
  const state = JSON.parse(document.getElementById(PAGE_STATE_ID)?.textContent ?? 'null') as PageState;
  const session = createSessionHolder();
  const client = createGraphQLClient({
    url: '/graphql',
    ssr: createSsr(state.urql),
    session,
    subscriptions: browserSubscriptions(session),
  });
  const routes = appRoutes({ client });
  await loadMatchedLazyRoutes(routes);
  const router = createBrowserRouter(routes, { hydrationData: state.router });
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root to hydrate');
  hydrateRoot(
    container,
    <StrictMode>
      <AppProviders client={client} session={session} lang={state.lang} messages={state.messages}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}

void start();
