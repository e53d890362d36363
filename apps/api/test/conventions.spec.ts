import { executeOverSocket } from '@bottega/testing';
import { startTestApp, type TestApp } from './support/test-app';

const nested = (depth: number) => `{ territory(code: "IT-MI") { ${'parent { '.repeat(depth)}code${' }'.repeat(depth)} } }`;

describe('API conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_ALIASES: '5', GRAPHQL_MAX_COST: '500', BODY_LIMIT_BYTES: '4096' });
  });
  afterAll(() => t.close());

  describe('operations', () => {
    it('answers /health with the database check and /health/live', async () => {
      const ready = await fetch(`${t.baseUrl}/health`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ok',
        checks: { database: 'up', search: { status: 'up', engine: 'postgres', lag: { events: 0, oldestSeconds: 0 } } },
      });
      expect((await fetch(`${t.baseUrl}/health/live`)).status).toBe(200);
    });

    it('exposes Prometheus metrics with GraphQL latency per operation', async () => {
      await t.client.data(`query TerritoryCount { territories { totalCount } }`);
      const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
      expect(metrics).toMatch(/bottega_graphql_operation_duration_seconds_count\{operation="TerritoryCount",type="query",outcome="ok"\} [1-9]/);
      expect(metrics).toContain('process_cpu_user_seconds_total');
      expect(metrics).toContain('bottega_http_request_duration_seconds_bucket');
    });

    it('keeps a caller’s request id and makes one up otherwise', async () => {
      const given = await t.client.request(`{ viewer { id } }`, {}, { 'x-request-id': 'proxy-abc-123' });
      expect(given.headers.get('x-request-id')).toBe('proxy-abc-123');
      const made = await t.client.request(`{ viewer { id } }`, {}, { 'x-request-id': 'bad id with spaces' });
      expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('refuses bodies over the configured size', async () => {
      const response = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ viewer { id } }`, variables: { pad: 'x'.repeat(5000) } }),
      });
      expect(response.status).toBe(413);
    });
  });

  describe('limits', () => {
    it('refuses operations deeper than the limit, over HTTP and graphql-ws', async () => {
      expect((await t.client.request(nested(3))).body.errors).toBeUndefined();
      const tooDeep = await t.client.request(nested(8));
      expect(tooDeep.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(tooDeep.body.errors?.[0]?.message).toMatch(/depth/i);
      const socket = t.client.socket({});
      try {
        const result = await executeOverSocket(socket, nested(8));
        expect(result.errors?.[0]?.message).toMatch(/depth/i);
      } finally {
        await socket.dispose();
      }
    });

    it('refuses too many aliases', async () => {
      const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: viewer { id }`).join(' ');
      const { body } = await t.client.request(`{ ${aliases} }`);
      expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses operations whose estimated cost is over the limit, counting page sizes', async () => {
      expect((await t.client.request(`{ territories(first: 10) { nodes { code name } } }`)).body.errors).toBeUndefined();
      const { body } = await t.client.request(`{ territories(first: 100) { nodes { code name children { code } } } }`);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxCost: 500 });
      expect(body.data).toBeUndefined();
    });

    it('reports unknown fields as validation failures', async () => {
      const { body } = await t.client.request(`{ territories { nodes { population } } }`);
      expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });

  describe('mutation rate limits', () => {
    it('refuse mutations past the per-account and per-address limits, before they run', async () => {
      const limited = await startTestApp({ MUTATION_RATE_LIMIT_PER_USER: '2', MUTATION_RATE_LIMIT_PER_IP: '4' });
      try {
        const logout = `mutation { logout { loggedOut } }`;
        const user = await limited.users.create();
        const other = await limited.users.create();
        const signedIn = limited.client.as(user.accessToken);
        const update = `mutation { updateOrganization(input: { id: "x", name: "y" }) { userErrors { code } } }`;
        expect((await signedIn.error(update)).code).toBe('FORBIDDEN');
        expect((await signedIn.error(update)).code).toBe('FORBIDDEN');
        const third = await signedIn.error(update);
        expect(third.code).toBe('RATE_LIMITED');
        expect(third.message).toMatch(/Try again in \d+ seconds/);
        expect((await limited.client.as(other.accessToken).data(logout)).logout.loggedOut).toBe(true);
        expect((await limited.client.error(logout)).code).toBe('RATE_LIMITED');
        expect((await limited.client.data(`{ viewer { id } }`)).viewer).toBeNull();
      } finally {
        await limited.close();
      }
    });
  });

  describe('errors', () => {
    it('masks unexpected failures without a stack trace, and keeps the rest of the response', async () => {
      const broken = await startTestApp();
      try {
        await broken.db.query('ALTER TABLE organization RENAME TO organization_gone');
        const { body } = await broken.client.request(`{ viewer { id } organizations { totalCount } }`);
        expect(body.errors).toEqual([
          { message: 'Internal server error', locations: expect.any(Array), path: ['organizations'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ]);
        expect(JSON.stringify(body)).not.toMatch(/organization_gone|relation|QueryFailedError/);
      } finally {
        await broken.close();
      }
    });

    it('can switch introspection off', async () => {
      const closed = await startTestApp({ GRAPHQL_INTROSPECTION: 'false' });
      try {
        const { body } = await closed.client.request(`{ __schema { queryType { name } } }`);
        expect(body.errors?.[0]?.message).toMatch(/introspection/i);
        expect((await t.client.data(`{ __schema { queryType { name } } }`)).__schema.queryType.name).toBe('Query');
      } finally {
        await closed.close();
      }
    });
  });

  describe('shutdown', () => {
    it('closes live sockets with 1001 (going away) when the server shuts down', async () => {
      const app = await startTestApp();
      const socket = app.client.socket({});
      const closed = new Promise<number>((resolve) => socket.on('closed', (event) => resolve((event as { code: number }).code)));
      await executeOverSocket(socket, `{ viewer { id } }`);
      const closing = app.close();
      expect(await closed).toBe(1001);
      await closing;
      await socket.dispose();
    });
  });
});
