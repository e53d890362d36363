import { createClient, type Client } from 'graphql-ws';
import { SignJWT, decodeJwt } from 'jose';
import WebSocket from 'ws';
import { GraphqlWsServer, PgPubSub, SocketCloseCode } from '@bottega/core';
import { CommunityFactory, ThreadFactory, type TestThread } from '@bottega/forum/testing';
import type { TestUser } from '@bottega/identity/testing';
import { until } from '@bottega/testing';
import { startTestApp, type TestApp } from './support/test-app';

const DEVELOPMENT_SECRET = 'bottega-development-secret-not-for-production-use';
const WEB = { 'x-bottega-client': 'web' };

interface Closed {
  code: number;
  reason: string;
}

/**
 * A browser's live updates across access-token renewals: the web client keeps
 * the refresh token in its cookie, renews the access token with
 * `POST /session/refresh` when the socket closes with TOKEN_EXPIRED, and
 * reconnects with the new one.
 */
describe('graphql-ws with a cookie session', () => {
  let t: TestApp;
  let thread: TestThread;
  let author: TestUser;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    author = await t.users.create();
    const community = await new CommunityFactory(t.db).create({ coordinatorId: author.id });
    thread = await new ThreadFactory(t.db).create({ communityId: community.id, authorId: author.id });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await until(() => t.app.get(GraphqlWsServer).socketCount === 0, 'the sockets to close');
  });
  afterAll(() => t.close());

  /** A browser's cookie jar for the one session cookie. */
  class Browser {
    cookie = '';

    async login(user: TestUser): Promise<string> {
      const response = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...WEB },
        body: JSON.stringify({
          query: `mutation($input: LoginInput!) { login(input: $input) { access { accessToken } } }`,
          variables: { input: { email: user.email, password: user.password, tokenDelivery: 'COOKIE' } },
        }),
      });
      this.keep(response);
      return ((await response.json()) as { data: { login: { access: { accessToken: string } } } }).data.login.access.accessToken;
    }

    async post(path: '/session/refresh' | '/session/logout'): Promise<Response> {
      const response = await fetch(`${t.baseUrl}${path}`, { method: 'POST', headers: { ...WEB, cookie: this.cookie } });
      this.keep(response);
      return response;
    }

    private keep(response: Response): void {
      const set = response.headers.getSetCookie()[0];
      if (set) this.cookie = set.split(';')[0] ?? '';
    }
  }

  /** A token of the same session that expires in `seconds`, as if it had been issued that long before its expiry. */
  const expiringCopy = (accessToken: string, seconds: number): Promise<string> => {
    const { sub, sid } = decodeJwt(accessToken);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ sid })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(sub))
      .setIssuer('bottega')
      .setIssuedAt(now)
      .setExpirationTime(now + seconds)
      .sign(new TextEncoder().encode(DEVELOPMENT_SECRET));
  };

  /** A web client's socket: on TOKEN_EXPIRED it renews through the cookie and reconnects; other closes are final. */
  const connect = (browser: Browser, firstToken: string) => {
    const closes: Closed[] = [];
    let token = firstToken;
    let renew = false;
    const client = createClient({
      url: `${t.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: async () => {
        if (renew) {
          renew = false;
          const response = await browser.post('/session/refresh');
          token = ((await response.json()) as { accessToken: string }).accessToken;
        }
        return { authorization: `Bearer ${token}` };
      },
      lazy: false,
      retryAttempts: 3,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 50)),
      shouldRetry: (event) => (event as Closed).code === SocketCloseCode.TOKEN_EXPIRED,
      onNonLazyError: () => undefined,
      on: {
        closed: (event) => {
          const { code, reason } = event as Closed;
          closes.push({ code, reason });
          if (code === SocketCloseCode.TOKEN_EXPIRED) renew = true;
        },
      },
    });
    clients.push(client);
    const notifications: unknown[] = [];
    client.subscribe(
      { query: `subscription { notificationAdded { kind } }` },
      { next: (value) => notifications.push(value), error: (error) => notifications.push({ error }), complete: () => undefined },
    );
    return { closes, notifications };
  };

  const mention = (user: TestUser) =>
    t.client.as(author.accessToken).data(`mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } } }`, {
      input: { threadId: thread.globalId, body: `Ne parliamo con @${user.handle}?` },
    });

  it('closes with TOKEN_EXPIRED at expiry, and live updates continue after renewing through the cookie', async () => {
    const listener = await t.users.create();
    const browser = new Browser();
    const accessToken = await browser.login(listener);
    const pubsub = t.app.get(PgPubSub);
    const listening = pubsub.listenerCount();
    const { closes, notifications } = connect(browser, await expiringCopy(accessToken, 2));
    await until(() => pubsub.listenerCount() > listening, 'the subscription');
    const firstCookie = browser.cookie;

    await until(() => closes.length > 0, 'the socket to close at expiry', 6_000);
    expect(closes[0]).toEqual({ code: SocketCloseCode.TOKEN_EXPIRED, reason: 'Access token expired' });
    await until(() => browser.cookie !== firstCookie, 'the cookie to be renewed');
    await until(() => pubsub.listenerCount() > listening, 'the subscription again');

    await mention(listener);
    await until(() => notifications.length > 0, 'the notification after renewing');
    expect(notifications).toEqual([{ data: { notificationAdded: { kind: 'MENTION' } } }]);
    expect(closes).toHaveLength(1);
  }, 15_000);

  it('closes with SESSION_ENDED when the browser signs out, and the old token no longer connects', async () => {
    const user = await t.users.create();
    const browser = new Browser();
    const accessToken = await browser.login(user);
    const pubsub = t.app.get(PgPubSub);
    const listening = pubsub.listenerCount();
    const { closes } = connect(browser, accessToken);
    await until(() => pubsub.listenerCount() > listening, 'the subscription');

    expect((await browser.post('/session/logout')).status).toBe(200);
    await until(() => closes.length > 0, 'the socket to close');
    expect(closes).toEqual([{ code: SocketCloseCode.SESSION_ENDED, reason: 'Session ended' }]);

    const again = connect(browser, accessToken);
    await until(() => again.closes.length > 0, 'the reconnection to be refused');
    expect(again.closes[0]?.code).toBe(SocketCloseCode.FORBIDDEN);
  });
});
