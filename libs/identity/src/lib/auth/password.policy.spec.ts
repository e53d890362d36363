import { PasswordPolicy } from './password.policy';

describe('PasswordPolicy', () => {
  const policy = new PasswordPolicy();

  it.each(['Cascina-Orto-Sociale-2026', 'vento lago castagne 7', 'Q7#vR2!mZp9@kL'])('accepts %p', (password) => {
    expect(policy.weakness(password, { email: 'anna@example.org', displayName: 'Anna Verdi' })).toBeNull();
  });

  it.each([
    ['too short', 'Ab1!xyz'],
    ['a common password', 'password1234'],
    ['a keyboard walk', 'qwertyuiop123'],
    ['Italian words', 'buongiornoamici'],
    ['repetition', 'aaaaaaaaaaaaaaa'],
  ])('refuses %s', (_case, password) => {
    expect(policy.weakness(password, { email: 'x@example.org', displayName: 'X' })).toEqual(expect.any(String));
  });

  it('refuses a password built from the person’s own details', () => {
    expect(policy.weakness('AnnaVerdi2026', { email: 'a.verdi@example.org', displayName: 'Anna Verdi' })).toMatch(/guess/);
  });
});
