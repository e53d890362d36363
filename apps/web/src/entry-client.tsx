import { StrictMode, useSyncExternalStore, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, RouterProvider, type RouteObject } from 'react-router';
import type { SSRData } from '@urql/core';
import { AppProviders, appRoutes, type AppProps } from './app/app';
import { browserSubscriptions, createGraphQLClient, createSsr, ViewerScopedClient } from './app/client';
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

/** The providers with the client of the person the page is for now. */
function ViewerProviders(props: Omit<AppProps, 'client'> & { clients: ViewerScopedClient; children: ReactNode }) {
  const { clients, ...app } = props;
  const client = useSyncExternalStore(clients.subscribe, clients.snapshot, clients.snapshot);
  return <AppProviders client={client} {...app} />;
}

async function start(): Promise<void> {
  const state = JSON.parse(document.getElementById(PAGE_STATE_ID)?.textContent ?? 'null') as PageState;
  const session = createSessionHolder();
  const subscriptions = browserSubscriptions(session);
  const createClient = (ssr: SSRData | undefined) => createGraphQLClient({ url: '/graphql', ssr: createSsr(ssr ?? {}), session, subscriptions });
  const clients = new ViewerScopedClient(createClient(state.urql), () => createClient(undefined));
  const routes = appRoutes({ client: clients.loaders });
  await loadMatchedLazyRoutes(routes);
  const router = createBrowserRouter(routes, { hydrationData: state.router });
  // The server renders for nobody; a restored session, a sign-in or a sign-out reloads the page's data.
  session.setHooks({
    viewerChanged: () => {
      clients.renew();
      void router.revalidate().finally(() => clients.publish());
    },
  });
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root to hydrate');
  hydrateRoot(
    container,
    <StrictMode>
      <ViewerProviders clients={clients} session={session} lang={state.lang} messages={state.messages}>
        <RouterProvider router={router} />
      </ViewerProviders>
    </StrictMode>,
  );
}

void start();
