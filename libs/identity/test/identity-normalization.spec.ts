import { startTestApp, type TestApp } from '@bottega/testing';

const REGISTER = `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      viewer { displayName handle email }
      userErrors { field message code }
    }
  }`;
const LOGIN = `
  mutation Login($input: LoginInput!) {
    login(input: $input) { viewer { handle } userErrors { code } }
  }`;

const PASSWORD = 'Cascina-Orto-Sociale-2026';

describe('identity normalization', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  let n = 0;
  const register = (input: { email?: string; displayName?: string }) =>
    t.client.data(REGISTER, {
      input: { email: `person-${++n}@example.org`, displayName: `Persona ${n}`, password: PASSWORD, ...input },
    });
  const accounts = async (email: string) =>
    Number((await t.db.query(`SELECT count(*) AS n FROM app_user WHERE email = $1`, [email]))[0].n);
  const named = async (displayName: string) =>
    Number((await t.db.query(`SELECT count(*) AS n FROM app_user WHERE display_name = $1`, [displayName]))[0].n);

  describe('display names', () => {
    it.each([
      ['a zero-width space', 'Giu\u200Blia Rossi'],
      ['a zero-width joiner', 'Giu\u200Dlia Rossi'],
      ['a right-to-left override', 'Giulia \u202Eissor'],
      ['a bidirectional isolate', 'Giulia \u2066Rossi\u2069'],
      ['a byte order mark', '\uFEFFGiulia Rossi'],
      ['a control character', 'Giulia\u0007Rossi'],
      ['an invisible filler letter', 'Giulia \u3164Rossi'],
    ])('refuses %s with a typed user error and creates nothing', async (_what, displayName) => {
      const { register: result } = await register({ displayName });
      expect(result.viewer).toBeNull();
      expect(result.userErrors).toEqual([
        {
          field: ['input', 'displayName'],
          code: 'INVALID',
          message: 'A display name cannot contain invisible or text-direction characters.',
        },
      ]);
      expect(await named(displayName)).toBe(0);
    });

    it('stores names in NFKC, so compatibility forms read as the plain letters', async () => {
      const { register: result } = await register({ displayName: 'Ｇｉｕｌｉａ Ｂｉａｎｃｈｉ' });
      expect(result.userErrors).toEqual([]);
      expect(result.viewer).toMatchObject({ displayName: 'Giulia Bianchi', handle: 'giulia-bianchi' });
    });

    it('keeps accented and non-Latin names as written', async () => {
      const { register: result } = await register({ displayName: 'Niccolò Ελένη Jürgen' });
      expect(result.userErrors).toEqual([]);
      expect(result.viewer.displayName).toBe('Niccolò Ελένη Jürgen');
    });
  });

  describe('emails', () => {
    it('stores emails in NFKC and signs in with either form', async () => {
      const { register: result } = await register({ email: 'ｆｕｌｌ.ｗｉｄｔｈ@example.org' });
      expect(result.userErrors).toEqual([]);
      expect(result.viewer.email).toBe('full.width@example.org');
      const { login } = await t.client.data(LOGIN, { input: { email: 'ｆｕｌｌ.ｗｉｄｔｈ@example.org', password: PASSWORD } });
      expect(login.userErrors).toEqual([]);
    });

    it('refuses an address mixing look-alike letters of several scripts', async () => {
      // The first letter is the Cyrillic а.
      const { register: result } = await register({ email: '\u0430dmin@example.org' });
      expect(result.viewer).toBeNull();
      expect(result.userErrors).toEqual([
        {
          field: ['input', 'email'],
          code: 'INVALID',
          message: 'An email address cannot mix letters of different alphabets.',
        },
      ]);
      expect(await accounts('\u0430dmin@example.org')).toBe(0);
    });

    it('refuses invisible characters in an address', async () => {
      const { register: result } = await register({ email: 'ro\u200Bssi@example.org' });
      expect(result.viewer).toBeNull();
      expect(result.userErrors.map((e: { field: string[] }) => e.field)).toEqual([['input', 'email']]);
      expect(await accounts('ro\u200Bssi@example.org')).toBe(0);
    });

    it('refuses an address that looks like an existing account', async () => {
      expect((await register({ email: 'pop@example.org' })).register.userErrors).toEqual([]);
      // Every letter of the local part is Cyrillic: one script, the same look.
      const { register: result } = await register({ email: '\u0440\u043E\u0440@example.org' });
      expect(result.viewer).toBeNull();
      expect(result.userErrors).toEqual([
        {
          field: ['input', 'email'],
          code: 'TAKEN',
          message: 'This email looks like the address of an existing account.',
        },
      ]);
      expect(await accounts('\u0440\u043E\u0440@example.org')).toBe(0);
    });

    it('lets exactly one of two concurrent look-alike addresses in', async () => {
      const results = await Promise.all([
        register({ email: 'cope@example.org' }),
        register({ email: '\u0441\u043E\u0440\u0435@example.org' }),
      ]);
      const codes = results.map((r) => r.register.userErrors[0]?.code ?? 'CREATED').sort();
      expect(codes).toEqual(['CREATED', 'TAKEN']);
    });
  });
});
