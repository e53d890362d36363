import type { ReactNode } from 'react';
import type { Client } from '@urql/core';
import { Provider as GraphQLProvider } from 'urql';
import type { RouteObject } from 'react-router';
import { I18nProvider } from './i18n-provider';
import type { Lang, Messages } from './i18n';
import { featureRoutes, notFound, type RouteContext } from './routing';
import { RouteError, Shell } from './shell';
import { SessionContext, type SessionHolder } from './session';
import { slots } from './slots';

/** The whole route tree: the shell, every feature's pages inside it, and the 404 page for the rest. */
export function appRoutes(context: RouteContext): RouteObject[] {
  return [
    {
      id: 'shell',
      path: '/',
      element: <Shell />,
      children: [
        {
          id: 'pages',
          errorElement: <RouteError />,
          children: [...featureRoutes(context), { id: 'not-found', path: '*', loader: () => notFound() }],
        },
      ],
    },
  ];
}

export interface AppProps {
  client: Client;
  session: SessionHolder;
  lang: Lang;
  messages: Messages;
  children: ReactNode;
}

/** Providers every page relies on: GraphQL, i18n, and whatever features add (the session). */
export function AppProviders({ client, session, lang, messages, children }: AppProps) {
  const wrapped = slots.reduceRight<ReactNode>((inner, { provider: Provider }) => (Provider ? <Provider>{inner}</Provider> : inner), children);
  return (
    <GraphQLProvider value={client}>
      <SessionContext.Provider value={session}>
        <I18nProvider lang={lang} messages={messages}>
          {wrapped}
        </I18nProvider>
      </SessionContext.Provider>
    </GraphQLProvider>
  );
}
