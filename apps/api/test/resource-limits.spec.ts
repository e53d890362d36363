import { SignJWT } from 'jose';
import { connect } from 'node:net';
import { toGlobalId } from '@bottega/core';
import { CommunityFactory, ThreadFactory, type TestThread } from '@bottega/forum/testing';
import type { TestUser } from '@bottega/identity/testing';
import { startTestApp, type TestApp } from './support/test-app';

const CEILING = 64 * 1024;
const threadPosts = `query($ids: [ID!]!, $first: Int) { nodes(ids: $ids) { ... on Thread { posts(first: $first) { nodes { bodySource } } } } }`;

describe('resource limits', () => {
  let t: TestApp;
  let author: TestUser;
  let thread: TestThread;

  beforeAll(async () => {
    t = await startTestApp({
      GRAPHQL_MAX_RESPONSE_BYTES: String(CEILING),
      BODY_LIMIT_BYTES: String(32 * 1024),
      REQUEST_TIMEOUT_MS: '1500',
    });
    author = await t.users.create();
    const community = await new CommunityFactory(t.db).create({ coordinatorId: author.id });
    // 60 replies of 2 KB each: about twice the response ceiling when read whole.
    const body = 'Laboratorio di quartiere. '.repeat(80);
    thread = await new ThreadFactory(t.db).create({
      communityId: community.id,
      authorId: author.id,
      replies: Array.from({ length: 60 }, () => ({ authorId: author.id, body })),
    });
  });
  afterAll(() => t.close());

  describe('cost', () => {
    it('multiplies by the length of nodes(ids:) and by every page size, and refuses with 400', async () => {
      const small = await t.client.request(threadPosts, { ids: [thread.globalId, thread.globalId], first: 2 });
      expect(small.body.errors).toBeUndefined();
      const amplified = await t.client.request(threadPosts, { ids: Array(100).fill(thread.globalId), first: 100 });
      expect(amplified.status).toBe(400);
      expect(amplified.body.data).toBeUndefined();
      expect(amplified.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxCost: 5_000 });
      expect(Number(amplified.body.errors?.[0]?.extensions?.['cost'])).toBeGreaterThan(100 * 100);
    });

    it('counts aliases of __typename like any alias', async () => {
      const aliases = Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ');
      const { status, body } = await t.client.request(`{ ${aliases} }`);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.message).toMatch(/Aliases limit of 30 exceeded, found 31/);
    });

    it('loads a repeated id once', async () => {
      const once = await t.client.request(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Thread { title } } }`, { ids: [thread.globalId] });
      const repeated = await t.client.request(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Thread { title } } }`, {
        ids: Array(20).fill(thread.globalId),
      });
      expect(repeated.body.data?.['nodes']).toHaveLength(20);
      expect(repeated.headers.get('x-sql-statements')).toBe(once.headers.get('x-sql-statements'));
    });
  });

  describe('heavy operations', () => {
    it('take turns: past the queue they are refused as RATE_LIMITED (429) while one runs, and light ones are not', async () => {
      const busy = await startTestApp({ GRAPHQL_HEAVY_COST: '100', GRAPHQL_HEAVY_QUEUE: '0' }, t.databaseUrl);
      try {
        const heavy = () => busy.client.request(threadPosts, { ids: [thread.globalId], first: 60 });
        const answers = await Promise.all([...Array.from({ length: 8 }, heavy), busy.client.request(`{ viewer { id } }`)]);
        const refused = answers.filter((answer) => answer.body.errors?.[0]?.extensions?.['code'] === 'RATE_LIMITED');
        expect(refused.length).toBeGreaterThan(0);
        expect(refused.length).toBeLessThan(8);
        expect(refused[0]?.status).toBe(429);
        expect(refused[0]?.body.errors?.[0]?.message).toMatch(/busy with large requests/);
        expect(answers.at(-1)?.body).toEqual({ data: { viewer: null } });
      } finally {
        await busy.close();
      }
    });
  });

  describe('response size', () => {
    it('stops a response at the byte ceiling with one error, before it is built whole', async () => {
      const response = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: threadPosts, variables: { ids: [thread.globalId], first: 61 } }),
      });
      const text = await response.text();
      expect(text.length).toBeLessThan(2 * CEILING);
      const body = JSON.parse(text) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', maxResponseBytes: CEILING });
      expect(body.errors?.[0]?.message).toMatch(/larger than 65536 bytes/);
    });

    it('answers the same operation in full when it fits', async () => {
      const { body } = await t.client.request(threadPosts, { ids: [thread.globalId], first: 20 });
      expect(body.errors).toBeUndefined();
      expect((body.data?.['nodes'] as { posts: { nodes: unknown[] } }[])[0]?.posts.nodes).toHaveLength(20);
    });
  });

  describe('mutations in one document', () => {
    it('keeps the results of the mutations that ran when a later one fails, with the error on its path', async () => {
      const user = await t.users.create();
      const unknownThread = toGlobalId('Thread', '00000000-0000-4000-8000-000000000000');
      const { status, body } = await t.client.as(user.accessToken).request(
        `mutation($unknown: ID!) {
          first: follow(input: { tag: "anziani-soli" }) { following }
          second: follow(input: { subjectId: $unknown }) { following }
          third: follow(input: { tag: "co-progettazione" }) { following }
        }`,
        { unknown: unknownThread },
      );
      expect(status).toBe(200);
      expect(body.data).toEqual({ first: { following: true }, second: null, third: { following: true } });
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]).toMatchObject({ path: ['second'], extensions: { code: 'NOT_FOUND' } });
      const follows: { key: string }[] = await t.db.query(`SELECT subject_key AS key FROM follow WHERE user_id = $1 ORDER BY 1`, [user.id]);
      expect(follows.map((f) => f.key)).toEqual(['anziani-soli', 'co-progettazione']);
    });
  });

  describe('HTTP', () => {
    const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers, body });

    it('answers a body over the limit in GraphQL’s error shape, with 413', async () => {
      const response = await post(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(40_000) } }));
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ errors: [{ message: 'The request body is too large.', extensions: { code: 'BAD_REQUEST' } }] });
    });

    it('answers malformed JSON in GraphQL’s error shape, with 400', async () => {
      const response = await post('{"query": ');
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    });

    it('closes a request whose body arrives too slowly with a GraphQL-shaped 408', async () => {
      const { port } = new URL(t.baseUrl);
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1');
        let received = '';
        let timer: NodeJS.Timeout | undefined;
        socket.on('connect', () => {
          socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
          // One byte every 300 ms: the request never completes by itself.
          timer = setInterval(() => socket.writable && socket.write(' '), 300);
        });
        socket.on('data', (chunk) => (received += chunk.toString()));
        socket.on('close', () => {
          clearInterval(timer);
          resolve(received);
        });
        socket.on('error', reject);
        setTimeout(() => {
          clearInterval(timer);
          socket.destroy();
          reject(new Error('the server kept the slow request open'));
        }, 10_000);
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
        errors: [{ message: 'The request took too long to arrive.', extensions: { code: 'BAD_REQUEST' } }],
      });
    });
  });

  describe('input', () => {
    it('refuses text with a NUL character as BAD_USER_INPUT, in variables and in the document, and stores nothing', async () => {
      const user = await t.users.create();
      const client = t.client.as(user.accessToken);
      const viaVariable = await client.request(`mutation($tag: String) { follow(input: { tag: $tag }) { following } }`, { tag: 'anziani\u0000soli' });
      expect(viaVariable.status).toBe(400);
      expect(viaVariable.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['variables', 'tag'] });
      const viaLiteral = await client.request(`mutation { follow(input: { tag: "anziani\\u0000soli" }) { following } }`);
      expect(viaLiteral.status).toBe(400);
      expect(viaLiteral.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(await t.db.query(`SELECT 1 FROM follow WHERE user_id = $1`, [user.id])).toHaveLength(0);
    });

    it('refuses malformed, altered and foreign cursors as BAD_USER_INPUT', async () => {
      const list = `query($after: String, $order: ThreadOrder) { threads(first: 1, after: $after, orderBy: $order) { pageInfo { endCursor } } }`;
      const { threads } = await t.client.data(list, { order: 'NEWEST' });
      const cursor: string = threads.pageInfo.endCursor;
      expect((await t.client.request(list, { after: cursor, order: 'NEWEST' })).body.errors).toBeUndefined();
      const [payload, tag] = cursor.split('.') as [string, string];
      const altered = `${Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url')}.${tag}`;
      for (const after of ['zzz', altered, `${payload}.${tag.slice(1)}x`, `${payload}.${tag}.extra`]) {
        const { body } = await t.client.request(list, { after, order: 'NEWEST' });
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
      }
      // A cursor belongs to the order it came from.
      const foreign = await t.client.request(list, { after: cursor, order: 'MOST_ACTIVE' });
      expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
    });
  });

  describe('credentials', () => {
    it('refuses an Authorization header that is not a bearer token, instead of reading it as anonymous', async () => {
      for (const authorization of [author.accessToken, `Token ${author.accessToken}`, 'Bearer']) {
        const { body } = await t.client.request(`{ viewer { id } }`, {}, { authorization });
        expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
        expect(body.errors?.[0]?.message).toMatch(/Bearer <token>/);
      }
      expect((await t.client.as(author.accessToken).data(`{ viewer { id } }`)).viewer.id).toBe(author.globalId);
    });

    it('refuses an access token without an expiry', async () => {
      const forever = await new SignJWT({ sid: author.sessionId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(author.id)
        .setIssuer('bottega')
        .setIssuedAt()
        .sign(new TextEncoder().encode('bottega-development-secret-not-for-production-use'));
      expect((await t.client.as(forever).error(`{ viewer { id } }`)).code).toBe('UNAUTHENTICATED');
    });
  });
});
