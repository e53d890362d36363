import { Client, fetchExchange, ssrExchange, subscriptionExchange, type Exchange, type SSRData } from '@urql/core';
import { cacheExchange, type CacheExchangeOpts, type KeyingConfig } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import type { Client as WsClient } from 'graphql-ws';
import type { SessionHolder } from './session';

/** What a feature adds to the normalized cache: `features/<area>/cache.ts` exporting `cache`. */
export type FeatureCache = Pick<CacheExchangeOpts, 'resolvers' | 'updates' | 'optimistic'>;

const featureCaches = import.meta.glob<FeatureCache>('../features/*/cache.ts', { eager: true, import: 'cache' });

// Every object with an `id` is a Node keyed by its global id (unique across types); objects
// without one (connections, edges, page info, sections) are embedded in their parent.
const keys: KeyingConfig = new Proxy({}, { get: () => (data: { id?: unknown }) => (typeof data.id === 'string' ? data.id : null) });

function mergeCaches(): FeatureCache {
  const merged: Required<FeatureCache> = {
    resolvers: {
      Query: {
        practices: relayPagination(),
        threads: relayPagination(),
        peerExchanges: relayPagination(),
        territories: relayPagination(),
        communities: relayPagination(),
        notifications: relayPagination(),
      },
      Practice: { adoptions: relayPagination(), comments: relayPagination() },
      Thread: { posts: relayPagination() },
    },
    updates: {},
    optimistic: {},
  };
  for (const cache of Object.values(featureCaches)) {
    for (const [type, fields] of Object.entries(cache.resolvers ?? {})) merged.resolvers[type] = { ...merged.resolvers[type], ...fields };
    for (const [type, fields] of Object.entries(cache.updates ?? {})) merged.updates[type] = { ...merged.updates[type], ...fields };
    Object.assign(merged.optimistic, cache.optimistic);
  }
  return merged;
}

export interface ClientOptions {
  /** Absolute on the server, where `fetch` goes to the same process. */
  url: string;
  fetch?: typeof fetch;
  /** Results gathered while rendering on the server, or restored from the page in the browser. */
  ssr: ReturnType<typeof ssrExchange>;
  session: SessionHolder;
  /** graphql-ws, in the browser only. */
  subscriptions?: Exchange;
}

export function createGraphQLClient(options: ClientOptions): Client {
  const exchanges: Exchange[] = [cacheExchange({ keys, globalIDs: true, ...mergeCaches() }), options.ssr, fetchExchange];
  if (options.subscriptions) exchanges.push(options.subscriptions);
  return new Client({
    url: options.url,
    exchanges,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    preferGetMethod: false,
    fetchOptions: () => {
      const token = options.session.accessToken();
      return token ? { headers: { authorization: `Bearer ${token}` } } : {};
    },
  });
}

export function createSsr(initialState?: SSRData): ReturnType<typeof ssrExchange> {
  return ssrExchange({ isClient: typeof window !== 'undefined' && initialState !== undefined, ...(initialState ? { initialState } : {}) });
}

/**
 * Live updates over graphql-ws on /graphql, signed in with the token current at each
 * (re)connection. graphql-ws is loaded with the first subscription, not on first paint.
 */
export function browserSubscriptions(session: SessionHolder): Exchange {
  let connection: Promise<WsClient> | undefined;
  let socket: WebSocket | undefined;
  const connect = () =>
    (connection ??= import('graphql-ws').then(({ createClient }) => {
      const ws = createClient({
        url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
        lazy: true,
        connectionParams: async () => {
          const accessToken = (await session.hooks().socketToken?.()) ?? session.accessToken();
          return accessToken ? { accessToken } : {};
        },
        // An expired token (4419) or a new sign-in reconnects at once, so no live update is missed;
        // other failures back off.
        retryAttempts: Infinity,
        shouldRetry: () => true,
        retryWait: async (retries) => {
          if (retries === 0) return;
          await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** retries)));
        },
        on: {
          connected: (opened) => {
            socket = opened as WebSocket;
          },
          closed: (event) => {
            socket = undefined;
            const code = (event as { code?: number } | undefined)?.code;
            if (typeof code === 'number') session.hooks().socketClosed?.(code);
          },
        },
      });
      return ws;
    }));
  // 4205: graphql-ws's "client restart", reconnecting with the current token; subscriptions resume.
  session.setHooks({ restartSocket: () => socket?.close(4205, 'Client Restart') });
  return subscriptionExchange({
    forwardSubscription: (request) => ({
      subscribe(sink) {
        let stop: (() => void) | undefined;
        let closed = false;
        void connect().then((ws) => {
          if (!closed) stop = ws.subscribe({ ...request, query: request.query ?? '' }, sink);
        });
        return {
          unsubscribe() {
            closed = true;
            stop?.();
          },
        };
      },
    }),
  });
}

/**
 * The page's GraphQL client, for one person at a time. When the signed-in person changes, `renew`
 * starts a client with an empty normalized cache, so nothing loaded for the previous person (private
 * content, viewerCan* answers, a 404 for what they could not read) is shown to the next. Route loaders
 * hold `loaders`, which always reaches the newest client; the components' provider switches with
 * `publish`, once the loaders have filled the new cache, so the page never shows an empty one.
 */
export class ViewerScopedClient {
  private current: Client;
  private published: Client;
  private readonly listeners = new Set<() => void>();
  readonly loaders: Client;

  constructor(
    first: Client,
    private readonly create: () => Client,
  ) {
    this.current = first;
    this.published = first;
    this.loaders = new Proxy(first, {
      get: (_, property) => {
        const value: unknown = Reflect.get(this.current, property);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(this.current) : value;
      },
    });
  }

  renew(): void {
    this.current = this.create();
  }

  publish(): void {
    if (this.published === this.current) return;
    this.published = this.current;
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The client components use now. */
  readonly snapshot = (): Client => this.published;
}
