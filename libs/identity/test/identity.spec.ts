import { executeOverSocket, startTestApp, type TestApp } from '@bottega/testing';
import { UserFactory } from '../src/testing';

const REGISTER = `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      viewer { id displayName handle email role }
      session { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }
      userErrors { field message code }
    }
  }`;
const LOGIN = `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      viewer { id displayName }
      session { accessToken refreshToken }
      userErrors { field message code }
    }
  }`;
const REFRESH = `
  mutation Refresh($input: RefreshSessionInput!) {
    refreshSession(input: $input) { session { accessToken refreshToken } userErrors { code } }
  }`;
const LOGOUT = `mutation Logout($input: LogoutInput) { logout(input: $input) { loggedOut userErrors { code } } }`;
const VIEWER = `{ viewer { id displayName email role } }`;

const STRONG_PASSWORD = 'Cascina-Orto-Sociale-2026';

describe('identity', () => {
  let t: TestApp;
  let users: UserFactory;
  beforeAll(async () => {
    t = await startTestApp();
    users = new UserFactory(t.app);
  });
  afterAll(() => t.close());

  const userCount = async () => Number((await t.db.query('SELECT count(*) AS n FROM app_user'))[0].n);
  const register = (input: Record<string, unknown>) =>
    t.client.data(REGISTER, { input: { email: 'a@example.org', displayName: 'Anna', password: STRONG_PASSWORD, ...input } });

  describe('register', () => {
    it('creates an account, signs it in and shows the email to its owner only', async () => {
      const { register: result } = await register({ email: 'Giulia.Rossi@Example.org', displayName: '  Giulia   Rossi ' });
      expect(result.userErrors).toEqual([]);
      expect(result.viewer).toMatchObject({ displayName: 'Giulia Rossi', role: 'USER', email: 'Giulia.Rossi@Example.org' });

      const { viewer } = await t.client.as(result.session.accessToken).data(VIEWER);
      expect(viewer.id).toBe(result.viewer.id);
      const other = await users.create();
      const seen = await t.client.as(other.accessToken).data(`query($id: ID!) { node(id: $id) { ... on User { email displayName } } }`, {
        id: result.viewer.id,
      });
      expect(seen.node).toEqual({ email: null, displayName: 'Giulia Rossi' });
    });

    it('gives each account a unique @handle made from its name', async () => {
      const first = await register({ email: 'g1@example.org', displayName: 'Tiziana Bellò' });
      const second = await register({ email: 'g2@example.org', displayName: 'tiziana bello' });
      const tiny = await register({ email: 'g3@example.org', displayName: 'Ü!' });
      const handles = [first, second, tiny].map((r) => r.register.viewer?.handle ?? r.register.userErrors);
      expect(handles).toEqual(['tiziana-bello', 'tiziana-bello-2', 'user']);
    });

    it('stores an argon2id hash at OWASP parameters, never the password', async () => {
      await register({ email: 'hash@example.org' });
      const [row] = await t.db.query(`SELECT password_hash FROM app_user WHERE email = 'hash@example.org'`);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.password_hash).not.toContain(STRONG_PASSWORD);
    });

    it('refuses an email already used, whatever its case, and creates nothing', async () => {
      await register({ email: 'dup@example.org' });
      const before = await userCount();
      const { register: result } = await register({ email: 'DUP@example.ORG' });
      expect(result).toMatchObject({ viewer: null, session: null });
      expect(result.userErrors).toEqual([
        { field: ['input', 'email'], code: 'TAKEN', message: 'An account with this email already exists.' },
      ]);
      expect(await userCount()).toBe(before);
    });

    it.each([
      ['a malformed email', { email: 'not-an-email' }, ['input', 'email'], 'INVALID'],
      ['a one-letter name', { displayName: ' A ' }, ['input', 'displayName'], 'INVALID'],
      ['a short password', { password: 'Short-1a' }, ['input', 'password'], 'WEAK_PASSWORD'],
      ['a common password', { password: 'password1234' }, ['input', 'password'], 'WEAK_PASSWORD'],
      ['an Italian word password', { password: 'ciaociaociao' }, ['input', 'password'], 'WEAK_PASSWORD'],
      ['a password made of the name', { displayName: 'Marcella Bianchi', password: 'MarcellaBianchi' }, ['input', 'password'], 'WEAK_PASSWORD'],
      ['a password over 128 characters', { password: 'x'.repeat(129) }, ['input', 'password'], 'TOO_LONG'],
    ])('refuses %s with a typed user error and creates nothing', async (_case, input, field, code) => {
      const before = await userCount();
      const { register: result } = await register({ email: 'fresh@example.org', ...input });
      expect(result.viewer).toBeNull();
      expect(result.userErrors).toContainEqual(expect.objectContaining({ field, code }));
      expect(await userCount()).toBe(before);
    });

    it('is rate limited per address', async () => {
      const limited = await startTestApp({ REGISTER_RATE_LIMIT_PER_IP: '2' });
      try {
        const attempt = (n: number) =>
          limited.client.request(REGISTER, { input: { email: `r${n}@example.org`, displayName: 'Rita', password: STRONG_PASSWORD } });
        await attempt(1);
        await attempt(2);
        const third = await attempt(3);
        expect(third.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
        const [{ n }] = await limited.db.query('SELECT count(*)::int AS n FROM app_user');
        expect(n).toBe(2);
      } finally {
        await limited.close();
      }
    });
  });

  describe('login', () => {
    it('signs in with the right password and opens a new session', async () => {
      const user = await users.create();
      const { login } = await t.client.data(LOGIN, { input: { email: user.email.toUpperCase(), password: user.password } });
      expect(login.userErrors).toEqual([]);
      expect(login.viewer.id).toBe(user.globalId);
      const { viewer } = await t.client.as(login.session.accessToken).data(VIEWER);
      expect(viewer.id).toBe(user.globalId);
    });

    it('answers a wrong password and an unknown email the same way', async () => {
      const user = await users.create();
      const wrong = await t.client.data(LOGIN, { input: { email: user.email, password: 'Not-The-Password-99' } });
      const unknown = await t.client.data(LOGIN, { input: { email: 'nobody@example.org', password: 'Not-The-Password-99' } });
      expect(wrong.login).toEqual(unknown.login);
      expect(wrong.login.userErrors).toEqual([
        { field: ['input'], code: 'INVALID_CREDENTIALS', message: 'Email or password is incorrect.' },
      ]);
    });

    it('refuses empty credentials with user errors naming the fields', async () => {
      const { login } = await t.client.data(LOGIN, { input: { email: '', password: '' } });
      expect(login.userErrors.map((e: { field: string[] }) => e.field)).toEqual([
        ['input', 'email'],
        ['input', 'password'],
      ]);
    });

    it('refuses a suspended account after checking its password', async () => {
      const user = await users.suspended().create();
      const error = await t.client.error(LOGIN, { input: { email: user.email, password: user.password } });
      expect(error).toEqual({ code: 'FORBIDDEN', message: 'This account is suspended.' });
      const { viewer } = await t.client.data(VIEWER);
      expect(viewer).toBeNull();
    });

    it('holds back repeated failures from an address without locking the owner out elsewhere', async () => {
      const limited = await startTestApp({ LOGIN_FREE_ATTEMPTS: '3', TRUST_PROXY: 'true' });
      try {
        const user = await new UserFactory(limited.app).create();
        const from = (address: string) => ({ 'x-forwarded-for': address });
        for (let i = 0; i < 3; i++) {
          await limited.client.request(LOGIN, { input: { email: user.email, password: 'Wrong-Password-Again-1' } }, from('203.0.113.7'));
        }
        const held = await limited.client.request(LOGIN, { input: { email: user.email, password: user.password } }, from('203.0.113.7'));
        expect(held.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
        const owner = await limited.client.request<{ login: { userErrors: unknown[] } }>(
          LOGIN,
          { input: { email: user.email, password: user.password } },
          from('192.0.2.44'),
        );
        expect(owner.body.data?.login.userErrors).toEqual([]);
      } finally {
        await limited.close();
      }
    });

    it('limits attempts per address', async () => {
      const limited = await startTestApp({ LOGIN_RATE_LIMIT_PER_IP: '2' });
      try {
        const attempt = () => limited.client.request(LOGIN, { input: { email: 'x@example.org', password: 'whatever-password' } });
        await attempt();
        await attempt();
        expect((await attempt()).body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
      } finally {
        await limited.close();
      }
    });
  });

  describe('sessions', () => {
    const signIn = async () => {
      const user = await users.create();
      const { login } = await t.client.data(LOGIN, { input: { email: user.email, password: user.password } });
      return { user, ...login.session } as { accessToken: string; refreshToken: string };
    };

    it('rotates refresh tokens', async () => {
      const first = await signIn();
      const { refreshSession } = await t.client.data(REFRESH, { input: { refreshToken: first.refreshToken } });
      expect(refreshSession.session.refreshToken).not.toBe(first.refreshToken);
      const { viewer } = await t.client.as(refreshSession.session.accessToken).data(VIEWER);
      expect(viewer).not.toBeNull();
    });

    it('revokes the whole session when a used refresh token comes back', async () => {
      const first = await signIn();
      const { refreshSession } = await t.client.data(REFRESH, { input: { refreshToken: first.refreshToken } });
      const reuse = await t.client.error(REFRESH, { input: { refreshToken: first.refreshToken } });
      expect(reuse.code).toBe('UNAUTHENTICATED');
      const successor = await t.client.error(REFRESH, { input: { refreshToken: refreshSession.session.refreshToken } });
      expect(successor.code).toBe('UNAUTHENTICATED');
      const access = await t.client.as(refreshSession.session.accessToken).error(VIEWER);
      expect(access.code).toBe('UNAUTHENTICATED');
    });

    it('lets exactly one of two concurrent refreshes with the same token through', async () => {
      const first = await signIn();
      const results = await Promise.all(
        [1, 2].map(() => t.client.request(REFRESH, { input: { refreshToken: first.refreshToken } })),
      );
      const succeeded = results.filter((r) => r.body.data?.['refreshSession']);
      expect(succeeded).toHaveLength(1);
      expect(results.filter((r) => r.body.errors?.[0]?.extensions?.['code'] === 'UNAUTHENTICATED')).toHaveLength(1);
    });

    it('refuses unknown refresh tokens', async () => {
      const error = await t.client.error(REFRESH, { input: { refreshToken: 'made-up-token' } });
      expect(error.code).toBe('UNAUTHENTICATED');
    });

    it('logs out the session of the access token, which then stops working', async () => {
      const session = await signIn();
      const signedIn = t.client.as(session.accessToken);
      expect((await signedIn.data(LOGOUT)).logout.loggedOut).toBe(true);
      expect((await signedIn.error(VIEWER)).code).toBe('UNAUTHENTICATED');
      expect((await t.client.error(REFRESH, { input: { refreshToken: session.refreshToken } })).code).toBe('UNAUTHENTICATED');
    });

    it('logs out by refresh token when the access token has expired', async () => {
      const session = await signIn();
      await t.client.data(LOGOUT, { input: { refreshToken: session.refreshToken } });
      expect((await t.client.as(session.accessToken).error(VIEWER)).code).toBe('UNAUTHENTICATED');
    });

    it('needs a session to log out', async () => {
      expect((await t.client.error(LOGOUT)).code).toBe('UNAUTHENTICATED');
    });

    it('treats a forged or garbled access token as unauthenticated, not anonymous', async () => {
      const user = await users.create();
      const [header, payload] = user.accessToken.split('.');
      const forged = `${header}.${payload}.${'A'.repeat(43)}`;
      expect((await t.client.as(forged).error(VIEWER)).code).toBe('UNAUTHENTICATED');
      expect((await t.client.as('garbage').error(VIEWER)).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('over graphql-ws', () => {
    it('authenticates from connection params', async () => {
      const user = await users.create();
      const socket = t.client.as(user.accessToken).socket();
      try {
        const result = await executeOverSocket(socket, VIEWER);
        expect(result.data?.['viewer']).toMatchObject({ id: user.globalId, email: user.email });
      } finally {
        await socket.dispose();
      }
    });

    it('is anonymous without connection params', async () => {
      const socket = t.client.socket({});
      try {
        expect((await executeOverSocket(socket, VIEWER)).data).toEqual({ viewer: null });
      } finally {
        await socket.dispose();
      }
    });

    it('closes the connection when the token is invalid', async () => {
      const socket = t.client.socket({ authorization: 'Bearer not-a-token' });
      try {
        await expect(executeOverSocket(socket, VIEWER)).rejects.toMatchObject({ code: 4403 });
      } finally {
        await socket.dispose();
      }
    });
  });
});
