import { ConfigError, parseEnv } from './env.schema';

describe('parseEnv', () => {
  it('fills defaults for an empty environment', () => {
    expect(parseEnv({})).toMatchObject({ NODE_ENV: 'development', PORT: 3000, GRAPHQL_MAX_DEPTH: 12 });
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be a number (got "abc")'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT must be at most 65535 (got "70000")'],
    [{ TRUST_PROXY: 'yes' }, 'Invalid configuration: TRUST_PROXY must be true or false (got "yes")'],
    [{ DATABASE_URL: 'mysql://secret@db/x' }, 'Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [{ NODE_ENV: 'production' }, 'Invalid configuration: JWT_SECRET is required in production'],
    [{ JWT_SECRET: 'short' }, 'Invalid configuration: JWT_SECRET must be at least 32 characters'],
  ])('refuses %p with one line naming the variable, never echoing secrets', (env, message) => {
    expect(() => parseEnv(env)).toThrow(new ConfigError(message));
  });
});
