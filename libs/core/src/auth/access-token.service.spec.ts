import { AccessTokenService } from './access-token.service';

const options = { secret: 'a-test-secret-of-at-least-32-characters!', ttlSeconds: 60, issuer: 'bottega-test' };
const ids = { userId: '7f0c9a4e-3b1d-4c2a-9e8f-1a2b3c4d5e6f', sessionId: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d' };

describe('AccessTokenService', () => {
  afterEach(() => jest.useRealTimers());

  it('verifies a token once and remembers it until it expires, then refuses it', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-03T10:00:00Z') });
    const tokens = new AccessTokenService(options);
    const { token, expiresAt } = await tokens.sign(ids);
    const check = jest.spyOn(tokens as unknown as { check: (token: string) => Promise<unknown> }, 'check');

    expect(await tokens.verify(token)).toEqual({ ...ids, expiresAt });
    expect(await tokens.verify(token)).toEqual({ ...ids, expiresAt });
    expect(check).toHaveBeenCalledTimes(1);

    jest.setSystemTime(expiresAt.getTime() + 1_000);
    expect(await tokens.verify(token)).toBeNull();
  });

  it('refuses forged and malformed tokens every time, remembering none', async () => {
    const tokens = new AccessTokenService(options);
    const other = new AccessTokenService({ ...options, secret: 'another-secret-of-at-least-32-characters' });
    const { token: forged } = await other.sign(ids);
    const check = jest.spyOn(tokens as unknown as { check: (token: string) => Promise<unknown> }, 'check');
    for (const token of [forged, forged, 'not.a.token']) expect(await tokens.verify(token)).toBeNull();
    expect(check).toHaveBeenCalledTimes(3);
  });
});
