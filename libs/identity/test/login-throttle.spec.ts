import { startTestApp, type TestApp } from '@bottega/testing';
import { UserFactory } from '../src/testing';

const LOGIN = `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      viewer { id }
      userErrors { code }
    }
  }`;

const WRONG = 'Not-The-Right-Password-1';

interface Attempt {
  outcome: 'SIGNED_IN' | 'INVALID_CREDENTIALS' | 'RATE_LIMITED' | string;
  retryAfterSeconds?: number;
}

describe('sign-in throttle', () => {
  let t: TestApp;
  let users: UserFactory;
  beforeAll(async () => {
    t = await startTestApp({
      TRUST_PROXY: 'true',
      LOGIN_FREE_ATTEMPTS: '10',
      LOGIN_BACKOFF_BASE_SECONDS: '60',
      LOGIN_BACKOFF_MAX_SECONDS: '900',
      LOGIN_FAILURES_PER_ACCOUNT: '30',
    });
    users = new UserFactory(t.app);
  });
  afterAll(() => t.close());

  let nextAddress = 1;
  /** A client address no other test uses. */
  const address = () => `198.51.100.${nextAddress++}`;

  const login = async (email: string, password: string, from: string): Promise<Attempt> => {
    const { body } = await t.client.request<{ login: { viewer: unknown; userErrors: { code: string }[] } | null }>(
      LOGIN,
      { input: { email, password } },
      { 'x-forwarded-for': from },
    );
    const error = body.errors?.[0];
    if (error) {
      return { outcome: String(error.extensions?.['code']), retryAfterSeconds: error.extensions?.['retryAfterSeconds'] as number };
    }
    return { outcome: body.data?.login?.viewer ? 'SIGNED_IN' : (body.data?.login?.userErrors[0]?.code ?? 'NONE') };
  };
  const count = (attempts: Attempt[], outcome: string) => attempts.filter((a) => a.outcome === outcome).length;

  it('checks only the free attempts of a concurrent burst and refuses the rest without checking', async () => {
    const user = await users.create();
    const from = address();
    // The right password is sent last, so it arrives after the free attempts are spent.
    const passwords = [...Array.from({ length: 24 }, () => WRONG), user.password];
    const attempts = await Promise.all(passwords.map((password) => login(user.email, password, from)));

    expect(count(attempts, 'INVALID_CREDENTIALS')).toBe(10);
    expect(count(attempts, 'RATE_LIMITED')).toBe(15);
    expect(attempts.at(-1)?.outcome).toBe('RATE_LIMITED');
    expect(attempts.filter((a) => a.outcome === 'RATE_LIMITED').every((a) => (a.retryAfterSeconds ?? 0) > 0)).toBe(true);
  });

  it('lets the owner sign in from another address while an attacker is held back', async () => {
    const user = await users.create();
    const attacker = address();
    for (let i = 0; i < 12; i++) await login(user.email, WRONG, attacker);
    expect((await login(user.email, user.password, attacker)).outcome).toBe('RATE_LIMITED');

    expect((await login(user.email, user.password, address())).outcome).toBe('SIGNED_IN');
  });

  it('makes each further attempt from an address wait twice as long, up to the ceiling', async () => {
    const user = await users.create();
    const from = address();
    for (let i = 0; i < 10; i++) expect((await login(user.email, WRONG, from)).outcome).toBe('INVALID_CREDENTIALS');

    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const refused = await login(user.email, WRONG, from);
      expect(refused.outcome).toBe('RATE_LIMITED');
      waits.push(refused.retryAfterSeconds ?? 0);
      // Time passes: the wait is over, and one more attempt may be checked.
      await t.db.query(`UPDATE login_backoff SET next_allowed_at = now() - interval '1 second' WHERE address = $1`, [from]);
      expect((await login(user.email, WRONG, from)).outcome).toBe('INVALID_CREDENTIALS');
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900]);
  });

  it('clears the back-off of an address when its owner signs in there', async () => {
    const user = await users.create();
    const from = address();
    for (let i = 0; i < 9; i++) await login(user.email, WRONG, from);
    expect((await login(user.email, user.password, from)).outcome).toBe('SIGNED_IN');
    for (let i = 0; i < 10; i++) expect((await login(user.email, WRONG, from)).outcome).toBe('INVALID_CREDENTIALS');
  });

  it('holds back unknown accounts exactly like known ones', async () => {
    const from = address();
    const attempts: Attempt[] = [];
    for (let i = 0; i < 11; i++) attempts.push(await login('nobody-here@example.org', WRONG, from));
    expect(attempts.map((a) => a.outcome)).toEqual([...Array(10).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED']);
  });

  it('stops a distributed attack at the account ceiling, except for addresses its owner signed in from', async () => {
    const user = await users.create();
    const home = address();
    expect((await login(user.email, user.password, home)).outcome).toBe('SIGNED_IN');

    // Three attackers with ten free attempts each reach the ceiling of thirty.
    const attackers = [address(), address(), address()];
    const failures = await Promise.all(
      attackers.map(async (from) => {
        const outcomes: Attempt[] = [];
        for (let i = 0; i < 10; i++) outcomes.push(await login(user.email, WRONG, from));
        return outcomes;
      }),
    );
    expect(count(failures.flat(), 'INVALID_CREDENTIALS')).toBe(30);

    const elsewhere = address();
    expect((await login(user.email, user.password, elsewhere)).outcome).toBe('RATE_LIMITED');
    expect((await login(user.email, WRONG, address())).outcome).toBe('RATE_LIMITED');

    expect((await login(user.email, user.password, home)).outcome).toBe('SIGNED_IN');
    // Signing in from home lifted the ceiling.
    expect((await login(user.email, user.password, elsewhere)).outcome).toBe('SIGNED_IN');
  });

  it('still limits all sign-ins from one address', async () => {
    const limited = await startTestApp({ LOGIN_RATE_LIMIT_PER_IP: '2' });
    try {
      const user = await new UserFactory(limited.app).create();
      const attempt = () => limited.client.request(LOGIN, { input: { email: user.email, password: user.password } });
      expect((await attempt()).body.errors).toBeUndefined();
      expect((await attempt()).body.errors).toBeUndefined();
      expect((await attempt()).body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
