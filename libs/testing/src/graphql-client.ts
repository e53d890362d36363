import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface HttpResult<T> {
  status: number;
  headers: Headers;
  body: GraphQLResponse<T>;
}

/** Talks to a running API over real HTTP, as a client application would. */
export class GraphQLHttpClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | null = null,
  ) {}

  /** The same client, signed in with an access token. */
  as(token: string | null): GraphQLHttpClient {
    return new GraphQLHttpClient(this.baseUrl, token);
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<T> };
  }

  /** Runs an operation and returns its data, failing loudly on any GraphQL error. */
  async data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { body } = await this.request<T>(query, variables);
    if (body.errors?.length || !body.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(body.errors ?? body)}`);
    }
    return body.data;
  }

  /** Runs an operation expected to fail, returning its first error's code and message. */
  async error(query: string, variables: Record<string, unknown> = {}): Promise<{ code: unknown; message: string }> {
    const { body } = await this.request(query, variables);
    const error = body.errors?.[0];
    if (!error) throw new Error(`Expected a GraphQL error, got ${JSON.stringify(body)}`);
    return { code: error.extensions?.['code'], message: error.message };
  }

  /** A graphql-ws client on the same endpoint; close it with `dispose()`. */
  socket(connectionParams: Record<string, unknown> = this.token ? { authorization: `Bearer ${this.token}` } : {}): Client {
    return createClient({
      url: `${this.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
    });
  }
}

/** Runs one operation over graphql-ws and resolves with its single result. */
export function executeOverSocket<T = Record<string, any>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return new Promise((resolve, reject) => {
    let result: GraphQLResponse<T> | undefined;
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => (result = value as GraphQLResponse<T>),
        error: (error) =>
          Array.isArray(error) ? resolve({ errors: error as GraphQLResponse['errors'] }) : reject(error),
        complete: () => (result ? resolve(result) : reject(new Error('completed without a result'))),
      },
    );
  });
}

/** Talks to the API of `t` as a user (anonymous with null), as the tests of one library do. */
export function api(t: { client: GraphQLHttpClient }) {
  const client = (user: { accessToken: string } | null) => t.client.as(user?.accessToken ?? null);
  return {
    request: (user: { accessToken: string } | null, query: string, variables: Record<string, unknown> = {}) =>
      client(user).request<any>(query, variables),
    data: (user: { accessToken: string } | null, query: string, variables: Record<string, unknown> = {}) => client(user).data(query, variables),
    /** The error code of an operation expected to fail as a whole. */
    code: async (user: { accessToken: string } | null, query: string, variables: Record<string, unknown> = {}) =>
      (await client(user).request<any>(query, variables)).body.errors?.[0]?.extensions?.['code'],
  };
}
