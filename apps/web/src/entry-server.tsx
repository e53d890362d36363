import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { AppProviders, appRoutes } from './app/app';
import { createGraphQLClient, createSsr } from './app/client';
import { HeadCollector, HeadContext, OriginContext, renderHead } from './app/head';
import { loadMessages, type Lang } from './app/i18n';
import { createSessionHolder } from './app/session';
import { serializeState, type PageState } from './app/state';

export interface RenderOptions {
  lang: Lang;
  /** Public origin of the site, for canonical and Open Graph URLs. */
  origin: string;
  /** Sends a GraphQL request to this process (no network hop), anonymously. */
  fetch: typeof fetch;
}

export type RenderResult =
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'page'; status: number; head: string; html: string; state: string };

/** Renders one page: runs the matched routes' loaders, then the app, with the data they loaded. */
export async function render(request: Request, options: RenderOptions): Promise<RenderResult> {
  const session = createSessionHolder();
  const ssr = createSsr();
  const client = createGraphQLClient({ url: `${options.origin}/graphql`, fetch: options.fetch, ssr, session });
  const handler = createStaticHandler(appRoutes({ client }));
  const [context, messages] = await Promise.all([handler.query(request), loadMessages(options.lang)]);
  if (context instanceof Response) {
    return { kind: 'redirect', status: context.status, location: context.headers.get('location') ?? '/' };
  }
  const router = createStaticRouter(handler.dataRoutes, context);
  const collector = new HeadCollector();
  const html = renderToString(
    <StrictMode>
      <HeadContext.Provider value={collector}>
        <OriginContext.Provider value={options.origin}>
          <AppProviders client={client} session={session} lang={options.lang} messages={messages}>
            <StaticRouterProvider router={router} context={context} hydrate={false} />
          </AppProviders>
        </OriginContext.Provider>
      </HeadContext.Provider>
    </StrictMode>,
  );
  const state: PageState = {
    lang: options.lang,
    messages,
    urql: ssr.extractData(),
    router: {
      loaderData: context.loaderData,
      actionData: context.actionData,
      // Route errors travel as plain objects; isRouteErrorResponse recognises their shape.
      errors: context.errors
        ? Object.fromEntries(
            Object.entries(context.errors).map(([id, error]) => [
              id,
              error && typeof error === 'object' && 'status' in error
                ? { status: error.status, statusText: error.statusText ?? '', internal: Boolean(error.internal), data: error.data ?? null }
                : { message: 'error' },
            ]),
          )
        : null,
    },
  };
  const head = collector.head ? renderHead(collector.head, options.origin, 'Bottega', options.lang) : '<title>Bottega</title>';
  return { kind: 'page', status: context.statusCode, head, html, state: serializeState(state) };
}
