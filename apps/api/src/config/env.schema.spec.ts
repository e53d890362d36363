import { ConfigError, parseEnv } from './env.schema';

const SECRET = 'a-production-secret-of-enough-length-0123';

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
    [
      { NODE_ENV: 'production', JWT_SECRET: SECRET, SEED_DEMO: 'true' },
      'Invalid configuration: SEED_DEMO is refused in production, where the demo accounts’ published password would open an admin account; set SEED_DEMO_IN_PRODUCTION=true to seed anyway (got "true")',
    ],
    [{ METRICS_TOKEN: 'short-token' }, 'Invalid configuration: METRICS_TOKEN must be at least 32 characters'],
    [{ METRICS_PORT: '3000' }, 'Invalid configuration: METRICS_PORT must differ from PORT (got "3000")'],
  ])('refuses %p with one line naming the variable, never echoing secrets', (env, message) => {
    expect(() => parseEnv(env)).toThrow(new ConfigError(message));
  });

  it('seeds demo content in production only with the explicit acknowledgement', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: SECRET };
    expect(parseEnv({ ...production, SEED_DEMO: 'true', SEED_DEMO_IN_PRODUCTION: 'true' })).toMatchObject({ SEED_DEMO: true });
    expect(parseEnv({ ...production, SEED_DEMO: 'false' })).toMatchObject({ SEED_DEMO: false });
    expect(parseEnv({ SEED_DEMO: 'true' })).toMatchObject({ SEED_DEMO: true });
  });
});
