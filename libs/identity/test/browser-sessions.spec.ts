import { createHash } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { executeOverSocket } from '@bottega/testing';
import { startTestApp, type TestApp, type TestUser } from '../src/testing';

/** What every request of Bottega's web client carries. */
const WEB = { 'x-bottega-client': 'web' };
const TTL_SECONDS = 30 * 86_400;
const STRONG_PASSWORD = 'Cascina-Orto-Sociale-2026';

/** `bottega_refresh=<token>` with the attributes every cookie-mode answer sets. */
const COOKIE = /^bottega_refresh=([A-Za-z0-9_-]{43}); Max-Age=2592000; Path=\/session; HttpOnly; SameSite=Strict$/;
const CLEARED = 'bottega_refresh=; Max-Age=0; Path=/session; HttpOnly; SameSite=Strict';

const LOGIN = `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      viewer { id handle }
      session { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }
      access { accessToken accessTokenExpiresAt }
      userErrors { code }
    }
  }`;
const REGISTER = `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      viewer { id handle }
      session { accessToken refreshToken }
      access { accessToken accessTokenExpiresAt }
      userErrors { field code }
    }
  }`;
const VIEWER = `{ viewer { id handle } }`;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
  setCookies: string[];
}

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest();

describe('browser sessions (refresh token in a cookie)', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp();
    port = Number(new URL(t.baseUrl).port);
  });
  afterAll(() => t.close());

  /** A request over plain HTTP with exactly these headers (a browser's Host and Origin included). */
  const send = (path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const setCookies = response.headers['set-cookie'] ?? [];
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: text ? JSON.parse(text) : null, setCookies });
        });
      });
      request.on('error', reject);
      request.end(body);
    });

  const graphql = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = WEB) =>
    send('/graphql', { 'content-type': 'application/json', ...headers }, JSON.stringify({ query, variables }));
  const cookieOf = (answer: Answer): string => {
    expect(answer.setCookies).toHaveLength(1);
    const match = COOKIE.exec(answer.setCookies[0] ?? '');
    if (!match?.[1]) throw new Error(`Not a session cookie: ${JSON.stringify(answer.setCookies)}`);
    return match[1];
  };
  const refresh = (cookie: string | null, headers: Record<string, string> = WEB) =>
    send('/session/refresh', { ...headers, ...(cookie === null ? {} : { cookie: `theme=dark; bottega_refresh=${cookie}` }) });
  const logout = (cookie: string | null, headers: Record<string, string> = WEB) =>
    send('/session/logout', { ...headers, ...(cookie === null ? {} : { cookie: `bottega_refresh=${cookie}` }) });
  const codeOf = (answer: Answer): unknown => answer.json?.errors?.[0]?.extensions?.code;

  /** Signs `user` in with cookie delivery; returns the cookie's token and the access token. */
  const signIn = async (user: TestUser): Promise<{ cookie: string; accessToken: string }> => {
    const answer = await graphql(LOGIN, { input: { email: user.email, password: user.password, tokenDelivery: 'COOKIE' } });
    return { cookie: cookieOf(answer), accessToken: answer.json.data.login.access.accessToken };
  };
  /** The sessions `userId` opened by signing in (the factory's own session has no refresh token). */
  const sessionsOf = async (userId: string) =>
    (await t.db.query(
      `SELECT s.id, s.revoked_reason AS reason FROM auth_session s
        WHERE s.user_id = $1 AND EXISTS (SELECT 1 FROM refresh_token t WHERE t.session_id = s.id) ORDER BY s.created_at`,
      [userId],
    )) as {
      id: string;
      reason: string | null;
    }[];
  const tokenRow = async (token: string) =>
    ((await t.db.query(`SELECT used_at AS "usedAt" FROM refresh_token WHERE token_hash = $1`, [sha256(token)])) as { usedAt: Date | null }[])[0];
  const viewerWith = (accessToken: string) => t.client.as(accessToken).request<any>(VIEWER);

  describe('login and register with tokenDelivery: COOKIE', () => {
    it('sets the refresh token as an HttpOnly, SameSite=Strict cookie for /session only, and never puts it in the body', async () => {
      const user = await t.users.create();
      const answer = await graphql(LOGIN, { input: { email: user.email, password: user.password, tokenDelivery: 'COOKIE' } });
      expect(answer.status).toBe(200);
      const cookie = cookieOf(answer);
      const { login } = answer.json.data;
      expect(login).toMatchObject({ viewer: { id: user.globalId, handle: user.handle }, session: null, userErrors: [] });
      expect(answer.text).not.toContain(cookie);
      expect(answer.text).not.toContain('refreshToken');
      const lifetime = new Date(login.access.accessTokenExpiresAt).getTime() - Date.now();
      expect(lifetime).toBeGreaterThan(0);
      expect(lifetime).toBeLessThanOrEqual(900_000);

      // The cookie is a refresh token of a new session of this account, valid for the refresh token's lifetime.
      const [row] = await t.db.query(
        `SELECT s.user_id AS "userId", extract(epoch FROM t.expires_at - t.created_at)::int AS seconds
           FROM refresh_token t JOIN auth_session s ON s.id = t.session_id WHERE t.token_hash = $1`,
        [sha256(cookie)],
      );
      expect(row).toEqual({ userId: user.id, seconds: TTL_SECONDS });
      expect((await viewerWith(login.access.accessToken)).body.data).toEqual({ viewer: { id: user.globalId, handle: user.handle } });
    });

    it('marks the cookie Secure unless the request came to localhost or 127.0.0.1 over plain HTTP', async () => {
      const user = await t.users.create();
      const secureFor = async (host: string) => {
        const answer = await graphql(
          LOGIN,
          { input: { email: user.email, password: user.password, tokenDelivery: 'COOKIE' } },
          { ...WEB, host, origin: `http://${host}` },
        );
        expect(answer.setCookies).toHaveLength(1);
        return answer.setCookies[0]?.split('; ').includes('Secure');
      };
      expect(await secureFor(`localhost:${port}`)).toBe(false);
      expect(await secureFor(`127.0.0.1:${port}`)).toBe(false);
      expect(await secureFor('bottega.example')).toBe(true);
      expect(await secureFor('192.168.1.20:3000')).toBe(true);
    });

    it('registers with the cookie too, and without a refresh token in the body', async () => {
      const answer = await graphql(REGISTER, {
        input: { email: 'cookie-register@example.org', displayName: 'Carla Neri', password: STRONG_PASSWORD, tokenDelivery: 'COOKIE' },
      });
      const cookie = cookieOf(answer);
      const { register } = answer.json.data;
      expect(register).toMatchObject({ viewer: { handle: 'carla-neri' }, session: null, userErrors: [] });
      expect(answer.text).not.toContain(cookie);
      const renewed = await refresh(cookie);
      expect(renewed.json.viewer).toEqual({ id: register.viewer.id, handle: 'carla-neri', displayName: 'Carla Neri' });
    });

    it('leaves payload delivery as it was: every token in the body, no cookie', async () => {
      const user = await t.users.create();
      for (const input of [{}, { tokenDelivery: 'PAYLOAD' }]) {
        const answer = await graphql(LOGIN, { input: { email: user.email, password: user.password, ...input } }, {});
        expect(answer.setCookies).toEqual([]);
        const { session, access } = answer.json.data.login;
        expect(session).toEqual({
          accessToken: expect.any(String),
          accessTokenExpiresAt: expect.any(String),
          refreshToken: expect.any(String),
          refreshTokenExpiresAt: expect.any(String),
        });
        expect(access).toEqual({ accessToken: session.accessToken, accessTokenExpiresAt: session.accessTokenExpiresAt });
        const renewed = await t.client.data(`mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { session { refreshToken } } }`, {
          input: { refreshToken: session.refreshToken },
        });
        expect(renewed['refreshSession'].session.refreshToken).not.toBe(session.refreshToken);
      }
      const registered = await graphql(REGISTER, { input: { email: 'payload-register@example.org', displayName: 'Pia', password: STRONG_PASSWORD } }, {});
      expect(registered.setCookies).toEqual([]);
      expect(registered.json.data.register.session.refreshToken).toEqual(expect.any(String));
    });

    it('refuses cookie delivery without the web client header or from another origin, and opens no session', async () => {
      const user = await t.users.create();
      const before = await sessionsOf(user.id);
      const input = { email: user.email, password: user.password, tokenDelivery: 'COOKIE' };
      for (const headers of <Record<string, string>[]>[
        {},
        { 'x-bottega-client': 'mobile' },
        { ...WEB, origin: 'https://evil.example' },
        { ...WEB, origin: `http://127.0.0.1:${port + 1}` },
        { ...WEB, origin: 'null' },
      ]) {
        const answer = await graphql(LOGIN, { input }, headers);
        expect({ headers, code: codeOf(answer), login: answer.json.data.login, cookies: answer.setCookies }).toEqual({
          headers,
          code: 'FORBIDDEN',
          login: null,
          cookies: [],
        });
      }
      const registered = await graphql(
        REGISTER,
        { input: { email: 'cross-site@example.org', displayName: 'Mallory', password: STRONG_PASSWORD, tokenDelivery: 'COOKIE' } },
        { origin: 'https://evil.example' },
      );
      expect(codeOf(registered)).toBe('FORBIDDEN');
      expect(await t.db.query(`SELECT id FROM app_user WHERE email = 'cross-site@example.org'`)).toEqual([]);
      expect(await sessionsOf(user.id)).toEqual(before);
    });

    it('accepts a same-origin Origin header', async () => {
      const user = await t.users.create();
      const answer = await graphql(
        LOGIN,
        { input: { email: user.email, password: user.password, tokenDelivery: 'COOKIE' } },
        { ...WEB, origin: `http://127.0.0.1:${port}` },
      );
      expect(COOKIE.test(answer.setCookies[0] ?? '')).toBe(true);
    });

    it('refuses cookie delivery over graphql-ws, where no cookie can be set', async () => {
      const user = await t.users.create();
      const before = await sessionsOf(user.id);
      const socket = t.client.socket({});
      try {
        const result = await executeOverSocket(socket, LOGIN, { input: { email: user.email, password: user.password, tokenDelivery: 'COOKIE' } });
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'tokenDelivery'] });
      } finally {
        await socket.dispose();
      }
      expect(await sessionsOf(user.id)).toEqual(before);
    });

    it('keeps wrong credentials a user error, with no cookie', async () => {
      const user = await t.users.create();
      const answer = await graphql(LOGIN, { input: { email: user.email, password: 'not-the-password', tokenDelivery: 'COOKIE' } });
      expect(answer.json.data.login).toEqual({ viewer: null, session: null, access: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
      expect(answer.setCookies).toEqual([]);
    });
  });

  describe('POST /session/refresh', () => {
    it('rotates the cookie and answers with a new access token and who is signed in', async () => {
      const user = await t.users.create();
      const first = await signIn(user);
      const answer = await refresh(first.cookie);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.json).toEqual({
        accessToken: expect.any(String),
        accessTokenExpiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        viewer: { id: user.globalId, handle: user.handle, displayName: user.displayName },
      });
      const second = cookieOf(answer);
      expect(second).not.toBe(first.cookie);
      expect((await tokenRow(first.cookie))?.usedAt).toBeInstanceOf(Date);
      expect((await viewerWith(answer.json.accessToken)).body.data).toEqual({ viewer: { id: user.globalId, handle: user.handle } });

      // The new cookie rotates in turn.
      const third = await refresh(second);
      expect(third.status).toBe(200);
      expect(cookieOf(third)).not.toBe(second);
    });

    it('ends the session when a rotated-away cookie comes back, for the new cookie and access token too', async () => {
      const user = await t.users.create();
      const { cookie } = await signIn(user);
      const renewed = await refresh(cookie);
      const successor = cookieOf(renewed);

      const reused = await refresh(cookie);
      expect({ status: reused.status, code: codeOf(reused), cookies: reused.setCookies }).toEqual({
        status: 401,
        code: 'UNAUTHENTICATED',
        cookies: [CLEARED],
      });
      expect(codeOf(await refresh(successor))).toBe('UNAUTHENTICATED');
      expect((await viewerWith(renewed.json.accessToken)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await sessionsOf(user.id)).map((session) => session.reason)).toEqual(['REUSE_DETECTED']);
    });

    it('lets exactly one of concurrent refreshes with the same cookie through', async () => {
      const user = await t.users.create();
      const { cookie } = await signIn(user);
      const answers = await Promise.all([1, 2, 3].map(() => refresh(cookie)));
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([200, 401, 401]);
      expect(answers.filter((answer) => answer.status === 401).map(codeOf)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
      // The losers presented a token already used: reuse detection ends the session (so a web client refreshes from one tab at a time).
      expect((await sessionsOf(user.id)).map((session) => session.reason)).toEqual(['REUSE_DETECTED']);
    });

    it('answers UNAUTHENTICATED, never 500, when the cookie is missing, unknown, expired or of an ended session', async () => {
      const user = await t.users.create();
      const expired = await signIn(user);
      await t.db.query(`UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [sha256(expired.cookie)]);
      const revoked = await signIn(user);
      await t.client.as(revoked.accessToken).data(`mutation { logout { loggedOut } }`);
      const suspendedUser = await t.users.create();
      const suspended = await signIn(suspendedUser);
      await t.db.query(`UPDATE app_user SET suspended_at = now() WHERE id = $1`, [suspendedUser.id]);

      for (const cookie of [null, '', 'made-up', '%E0%A4%A', 'x'.repeat(4000), expired.cookie, revoked.cookie, suspended.cookie]) {
        const answer = await refresh(cookie);
        expect({ cookie: cookie?.slice(0, 20), status: answer.status, code: codeOf(answer) }).toEqual({
          cookie: cookie?.slice(0, 20),
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      }
      expect(await tokenRow(expired.cookie)).toEqual({ usedAt: null });
    });

    it('refuses cross-site attempts with FORBIDDEN, and the cookie keeps working', async () => {
      const user = await t.users.create();
      const { cookie } = await signIn(user);
      for (const headers of <Record<string, string>[]>[
        {},
        { 'x-bottega-client': 'Web' },
        { ...WEB, origin: 'https://evil.example' },
        { ...WEB, origin: 'null' },
        { ...WEB, origin: `https://127.0.0.1:${port}.evil.example` },
      ]) {
        const answer = await refresh(cookie, headers);
        expect({ headers, status: answer.status, code: codeOf(answer), cookies: answer.setCookies }).toEqual({
          headers,
          status: 403,
          code: 'FORBIDDEN',
          cookies: [],
        });
      }
      // A cross-site form (a "simple" request: no custom header possible).
      const form = await send('/session/refresh', { 'content-type': 'text/plain', cookie: `bottega_refresh=${cookie}`, origin: 'https://evil.example' }, 'x');
      expect(form.status).toBe(403);

      expect(await tokenRow(cookie)).toEqual({ usedAt: null });
      expect(await sessionsOf(user.id)).toEqual([expect.objectContaining({ reason: null })]);
      const answer = await refresh(cookie, { ...WEB, origin: `http://127.0.0.1:${port}` });
      expect(answer.status).toBe(200);
    });
  });

  describe('POST /session/logout', () => {
    it('revokes the session, clears the cookie, and the access token stops working', async () => {
      const user = await t.users.create();
      const { cookie, accessToken } = await signIn(user);
      const answer = await logout(cookie);
      expect({ status: answer.status, body: answer.json, cookies: answer.setCookies }).toEqual({
        status: 200,
        body: { loggedOut: true },
        cookies: [CLEARED],
      });
      expect((await sessionsOf(user.id)).map((session) => session.reason)).toEqual(['LOGOUT']);
      expect((await viewerWith(accessToken)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(codeOf(await refresh(cookie))).toBe('UNAUTHENTICATED');
    });

    it('answers UNAUTHENTICATED without a cookie or for an ended session', async () => {
      const user = await t.users.create();
      const { cookie } = await signIn(user);
      await logout(cookie);
      for (const sent of [null, 'made-up', cookie]) {
        const answer = await logout(sent);
        expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      }
    });

    it('refuses cross-site attempts with FORBIDDEN and leaves the session signed in', async () => {
      const user = await t.users.create();
      const { cookie, accessToken } = await signIn(user);
      for (const headers of [{}, { ...WEB, origin: 'https://evil.example' }]) {
        const answer = await logout(cookie, headers);
        expect({ status: answer.status, code: codeOf(answer), cookies: answer.setCookies }).toEqual({ status: 403, code: 'FORBIDDEN', cookies: [] });
      }
      expect(await sessionsOf(user.id)).toEqual([expect.objectContaining({ reason: null })]);
      expect((await viewerWith(accessToken)).body.data?.viewer?.id).toBe(user.globalId);
    });
  });

  // Last: it spends this address's allowance for the minute.
  it('rate-limits the /session routes per address, refusing before the cookie is used', async () => {
    const user = await t.users.create();
    const { cookie } = await signIn(user);
    let limited: Answer | undefined;
    for (let attempt = 0; attempt < 250 && !limited; attempt++) {
      const answer = await refresh(null);
      if (answer.status === 429) limited = answer;
      else expect(answer.status).toBe(401);
    }
    expect(limited && codeOf(limited)).toBe('RATE_LIMITED');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    const refused = await refresh(cookie);
    expect({ status: refused.status, cookies: refused.setCookies }).toEqual({ status: 429, cookies: [] });
    expect(await tokenRow(cookie)).toEqual({ usedAt: null });
  });
});
