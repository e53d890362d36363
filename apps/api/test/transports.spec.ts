import { executeOverSocket, type GraphQLResponse } from '@bottega/testing';
import type { TestUser } from '@bottega/identity/testing';
import { startTestApp, type TestApp } from './support/test-app';

type Transport = 'http' | 'graphql-ws';

interface AbusiveOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** What each transport must answer (the first error's code and message). */
  code: string;
  message: RegExp;
}

const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');

/** One table of abusive operations; each must meet the same refusal over HTTP and over graphql-ws. */
const ABUSES: AbusiveOperation[] = [
  {
    name: 'introspection while it is off',
    query: `{ __schema { queryType { name } } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /introspection has been disabled/,
  },
  {
    name: 'a misspelt field, without suggestions that spell out the schema',
    query: `{ territorie { totalCount } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /^Cannot query field "territorie" on type "Query"\.$/,
  },
  {
    name: 'nesting past the depth limit',
    query: `{ territory(code: "IT-MI") { ${'parent { '.repeat(8)}code${' }'.repeat(8)} } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /depth/i,
  },
  {
    name: 'an alias flood of __typename',
    query: `{ ${aliases(6, '__typename')} }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Aliases limit of 5 exceeded/,
  },
  {
    name: 'nodes(ids:) amplification past the cost limit',
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Thread { posts(first: 100) { nodes { bodySource } } } } }`,
    variables: { ids: Array(100).fill('VGhyZWFkOjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA') },
    code: 'BAD_USER_INPUT',
    message: /more than the maximum of 2000/,
  },
  {
    name: 'text PostgreSQL cannot store',
    query: `query($code: String!) { territory(code: $code) { id } }`,
    variables: { code: 'IT\u0000MI' },
    code: 'BAD_USER_INPUT',
    message: /NUL character/,
  },
  {
    name: 'variables of the wrong type',
    query: `query($first: Int) { territories(first: $first) { totalCount } }`,
    variables: { first: 'many' },
    code: 'BAD_USER_INPUT',
    message: /Int cannot represent/,
  },
];

describe('the same rules on both transports', () => {
  let t: TestApp;
  let user: TestUser;

  const run = async (transport: Transport, client: TestApp['client'], query: string, variables: Record<string, unknown> = {}) => {
    if (transport === 'http') return (await client.request(query, variables)).body;
    const socket = client.socket();
    try {
      return await executeOverSocket(socket, query, variables);
    } finally {
      await socket.dispose();
    }
  };

  beforeAll(async () => {
    t = await startTestApp({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      GRAPHQL_MAX_DEPTH: '6',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_COST: '2000',
      MUTATION_RATE_LIMIT_PER_USER: '6',
    });
    user = await t.users.create();
  });
  afterAll(() => t.close());

  describe.each<Transport>(['http', 'graphql-ws'])('over %s', (transport) => {
    it.each(ABUSES)('refuses $name', async ({ query, variables, code, message }) => {
      const body: GraphQLResponse = await run(transport, t.client, query, variables);
      expect(body.data ?? undefined).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.['code']).toBe(code);
      expect(body.errors?.[0]?.message).toMatch(message);
      expect(JSON.stringify(body)).not.toMatch(/Did you mean|stacktrace/);
    });
  });

  it('counts every mutation of a document against the rate limit, whichever transport brings it', async () => {
    const client = t.client.as(user.accessToken);
    const three = `mutation { ${aliases(3, 'markNotificationsRead(input: { all: true }) { unreadCount }')} }`;
    expect((await run('http', client, three)).errors).toBeUndefined();
    expect((await run('graphql-ws', client, three)).errors).toBeUndefined();
    // Six mutations used of six: the next one is refused on either transport.
    for (const transport of ['http', 'graphql-ws'] as const) {
      const refused = await run(transport, client, `mutation { markNotificationsRead(input: { all: true }) { unreadCount } }`);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(refused.data ?? undefined).toBeUndefined();
    }
  });

  it('answers a refusal before execution over HTTP with a status that says why', async () => {
    const { status } = await t.client.request(ABUSES[4]!.query, ABUSES[4]!.variables);
    expect(status).toBe(400);
    const limited = await t.client.as(user.accessToken).request(`mutation { markNotificationsRead(input: { all: true }) { unreadCount } }`);
    expect(limited.status).toBe(429);
  });
});
