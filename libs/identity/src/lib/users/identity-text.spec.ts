import { displayNameProblem, emailProblem, normalizeDisplayName, skeleton } from './identity-text';

describe('identity text', () => {
  it('lets each word of an address use its own alphabet', () => {
    expect(emailProblem('\u0430\u0434\u043C\u0438\u043D@example.org')).toBeNull();
    expect(emailProblem('yamada.\u5C71\u7530\u3072\u308D\u3057@example.jp')).toBeNull();
    expect(emailProblem('giulia.rossi@comune.milano.it')).toBeNull();
  });

  it('refuses a word mixing look-alike alphabets', () => {
    expect(emailProblem('p\u0430olo@example.org')).toMatch(/mix letters/);
    expect(emailProblem('paolo@ex\u0430mple.org')).toMatch(/mix letters/);
  });

  it('gives look-alikes one skeleton and different words different ones', () => {
    expect(skeleton('\u0440\u043E\u0440@Example.org')).toBe(skeleton('pop@example.org'));
    expect(skeleton('ｐｏｐ@example.org')).toBe('pop@example.org');
    expect(skeleton('pop@example.org')).not.toBe(skeleton('pip@example.org'));
  });

  it('keeps emoji with variation selectors in names, and refuses what hides text', () => {
    expect(displayNameProblem('Anna \u2764\uFE0F')).toBeNull();
    expect(displayNameProblem('Anna\u2060Rossi')).not.toBeNull();
    expect(normalizeDisplayName('  Ａnna \t Rossi ')).toBe('Anna Rossi');
  });
});
