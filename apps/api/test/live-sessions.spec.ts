import { createClient, type Client } from 'graphql-ws';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { GraphqlWsServer, PgPubSub, SocketCloseCode } from '@bottega/core';
import { CommunityFactory, ThreadFactory, type TestThread } from '@bottega/forum/testing';
import type { TestUser } from '@bottega/identity/testing';
import { startTestApp, type TestApp } from './support/test-app';
import { until } from '@bottega/testing';

const DEVELOPMENT_SECRET = 'bottega-development-secret-not-for-production-use';

interface Closed {
  code: number;
  reason: string;
}

/** An access token for a live session that expires in `seconds`. */
function shortLivedToken(user: TestUser, seconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: user.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer('bottega')
    .setIssuedAt(now)
    .setExpirationTime(now + seconds)
    .sign(new TextEncoder().encode(DEVELOPMENT_SECRET));
}

describe('graphql-ws sessions and limits', () => {
  let t: TestApp;
  let thread: TestThread;
  let author: TestUser;
  const clients: Client[] = [];

  /** A graphql-ws client recording how its sockets close; `params` is read at every (re)connection. */
  const open = (params: () => Record<string, unknown>, retry = false) => {
    const closes: Closed[] = [];
    const client = createClient({
      url: `${t.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: params,
      lazy: false,
      retryAttempts: retry ? 5 : 0,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 50)),
      shouldRetry: () => retry,
      onNonLazyError: () => undefined,
      on: { closed: (event) => closes.push({ code: (event as Closed).code, reason: (event as Closed).reason }) },
    });
    clients.push(client);
    return { client, closes };
  };

  const watch = (client: Client, query: string, variables: Record<string, unknown> = {}) => {
    const events: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }[] = [];
    client.subscribe({ query, variables }, { next: (value) => events.push(value as never), error: (error) => events.push({ errors: error as never }), complete: () => undefined });
    return events;
  };

  beforeAll(async () => {
    t = await startTestApp({ WS_MAX_SOCKETS_PER_ADDRESS: '4', WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '2' });
    author = await t.users.create();
    const community = await new CommunityFactory(t.db).create({ coordinatorId: author.id });
    thread = await new ThreadFactory(t.db).create({ communityId: community.id, authorId: author.id });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    // Each test starts with no socket open, so none counts against the next test's address limit.
    await until(() => t.app.get(GraphqlWsServer).socketCount === 0, 'the sockets to close');
  });
  afterAll(() => t.close());

  it('closes a socket with TOKEN_EXPIRED when its token expires, and keeps its subscriptions across a reconnect with a fresh token', async () => {
    const listener = await t.users.create();
    let token = await shortLivedToken(listener, 2);
    const pubsub = t.app.get(PgPubSub);
    const listening = pubsub.listenerCount();
    const { client, closes } = open(() => ({ authorization: `Bearer ${token}` }), true);
    const notifications = watch(client, `subscription { notificationAdded { kind } }`);
    await until(() => pubsub.listenerCount() > listening, 'the subscription');

    // The client refreshes its session when told the token expired (here: a token of its live session).
    token = listener.accessToken;
    await until(() => closes.length > 0, 'the socket to close at expiry', 6_000);
    expect(closes[0]).toEqual({ code: SocketCloseCode.TOKEN_EXPIRED, reason: 'Access token expired' });

    await new Promise((resolve) => setTimeout(resolve, 500));
    await t.client.as(author.accessToken).data(
      `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } } }`,
      { input: { threadId: thread.globalId, body: `Ne parliamo con @${listener.handle}?` } },
    );
    await until(() => notifications.length > 0, 'the notification after reconnecting');
    expect(notifications[0]).toEqual({ data: { notificationAdded: { kind: 'MENTION' } } });
  }, 15_000);

  it('closes the sockets of a session with SESSION_ENDED when it signs out', async () => {
    const user = await t.users.create();
    const listening = t.app.get(PgPubSub).listenerCount();
    const { client, closes } = open(() => ({ authorization: `Bearer ${user.accessToken}` }));
    watch(client, `subscription { notificationAdded { kind } }`);
    await until(() => t.app.get(PgPubSub).listenerCount() > listening, 'the subscription');
    await t.client.as(user.accessToken).data(`mutation { logout { loggedOut } }`);
    await until(() => closes.length > 0, 'the socket to close');
    expect(closes[0]).toEqual({ code: SocketCloseCode.SESSION_ENDED, reason: 'Session ended' });
  });

  it('closes every socket of a suspended account with SESSION_ENDED', async () => {
    const user = await t.users.create();
    const moderator = await t.users.moderator().create();
    const { closes } = open(() => ({ authorization: `Bearer ${user.accessToken}` }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await t.client.as(moderator.accessToken).data(
      `mutation($input: SuspendUserInput!) { suspendUser(input: $input) { userErrors { message } } }`,
      { input: { userId: user.globalId, reason: 'Spam ripetuto' } },
    );
    await until(() => closes.length > 0, 'the socket to close');
    expect(closes[0]?.code).toBe(SocketCloseCode.SESSION_ENDED);
  });

  it('refuses credentials that are not a bearer token with FORBIDDEN and a reason', async () => {
    const { closes } = open(() => ({ authorization: author.accessToken }));
    await until(() => closes.length > 0, 'the socket to close');
    expect(closes[0]).toEqual({ code: SocketCloseCode.FORBIDDEN, reason: 'Send the access token as "Authorization: Bearer <token>".' });
  });

  it('closes sockets past the per-address limit with TOO_MANY_SOCKETS', async () => {
    const sockets = Array.from({ length: 5 }, () => open(() => ({})));
    await until(() => sockets.some((s) => s.closes.length > 0), 'a socket to be refused');
    const refused = sockets.flatMap((s) => s.closes);
    expect(refused).toEqual([{ code: SocketCloseCode.TOO_MANY_SOCKETS, reason: 'Too many connections from this address' }]);
  });

  it('refuses operations past the per-socket limit with RATE_LIMITED, keeping the socket', async () => {
    const { client, closes } = open(() => ({}));
    const query = `subscription($t: ID!) { postAdded(threadId: $t) { id } }`;
    watch(client, query, { t: thread.globalId });
    watch(client, query, { t: thread.globalId });
    const third = watch(client, query, { t: thread.globalId });
    await until(() => third.length > 0, 'the refusal');
    expect(third[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 2 });
    expect(closes).toEqual([]);
  });
});
