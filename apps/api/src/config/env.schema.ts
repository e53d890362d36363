import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');
const int = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be an integer' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });
const url = (protocols: string[]) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a ${protocols.map((p) => p.replace(':', '://')).join(' or ')} URL`);

/** Every environment variable the API reads, with its default. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: int(0, 65_535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: bool.default(false),

    DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
    DATABASE_POOL_SIZE: int(1, 200).default(10),
    DATABASE_SLOW_QUERY_MS: int(1, 60_000).default(500),
    EMBEDDED_PG_DATA_DIR: z.string().min(1).default('.data/postgres'),
    EMBEDDED_PG_PORT: int(1, 65_535).default(54_329),
    SEED_DEMO: bool.optional(),
    SEED_DEMO_IN_PRODUCTION: bool.default(false),

    JWT_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    ACCESS_TOKEN_TTL_SECONDS: int(60, 86_400).default(900),
    REFRESH_TOKEN_TTL_DAYS: int(1, 365).default(30),

    GRAPHQL_INTROSPECTION: bool.optional(),
    GRAPHQL_MAX_DEPTH: int(2, 50).default(12),
    GRAPHQL_MAX_ALIASES: int(1, 500).default(30),
    GRAPHQL_MAX_COST: int(10, 1_000_000).default(5_000),
    GRAPHQL_HEAVY_COST: int(1, 1_000_000).default(2_500),
    GRAPHQL_HEAVY_CONCURRENCY: int(1, 1_000).default(1),
    GRAPHQL_HEAVY_QUEUE: int(0, 100_000).default(32),
    GRAPHQL_MAX_RESPONSE_BYTES: int(16 * 1024, 256 * 1024 * 1024).default(4 * 1024 * 1024),
    BODY_LIMIT_BYTES: int(1024, 50 * 1024 * 1024).default(256 * 1024),
    WS_MAX_PAYLOAD_BYTES: int(1024, 50 * 1024 * 1024).default(64 * 1024),
    WS_MAX_SOCKETS_PER_ADDRESS: int(1, 100_000).default(50),
    WS_MAX_SUBSCRIPTIONS_PER_SOCKET: int(1, 10_000).default(20),
    REQUEST_TIMEOUT_MS: int(1000, 600_000).default(30_000),

    LOGIN_RATE_LIMIT_PER_IP: int(1, 100_000).default(30),
    LOGIN_FAILURES_PER_ACCOUNT: int(1, 100_000).default(20),
    LOGIN_FREE_ATTEMPTS: int(1, 1000).default(5),
    LOGIN_BACKOFF_BASE_SECONDS: int(1, 3600).default(1),
    LOGIN_BACKOFF_MAX_SECONDS: int(1, 86_400).default(900),
    REGISTER_RATE_LIMIT_PER_IP: int(1, 100_000).default(20),
    MUTATION_RATE_LIMIT_PER_IP: int(1, 1_000_000).default(300),
    MUTATION_RATE_LIMIT_PER_USER: int(1, 1_000_000).default(60),
    EXPOSE_SQL_STATEMENT_COUNT: bool.default(false),

    FLAG_AUTO_HIDE_THRESHOLD: int(1, 1000).default(3),
    NEW_ACCOUNT_DAYS: int(0, 365).default(2),
    NEW_ACCOUNT_POSTS_PER_HOUR: int(1, 100_000).default(10),
    QUESTION_ROUTING_DAILY_CAP: int(0, 1000).default(3),

    OUTBOX_BATCH_SIZE: int(1, 10_000).default(200),
    OUTBOX_RETENTION_DAYS: int(1, 365).default(7),
    OUTBOX_CONSUMER_EXPIRY_DAYS: int(1, 3650).default(30),

    METRICS_TOKEN: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    METRICS_PORT: int(1, 65_535).optional(),

    MEILI_HOST: url(['http:', 'https:']).optional(),
    MEILI_API_KEY: z.string().min(1).optional(),
    SEARCH_INDEX_IN_PROCESS: bool.default(true),

    WEB_APP: z.enum(['auto', 'on', 'off', 'vite']).default('auto'),
    WEB_DIST_DIR: z.string().min(1).default('dist/web'),
    PUBLIC_URL: url(['http:', 'https:']).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production' });
    }
    if (env.NODE_ENV === 'production' && env.SEED_DEMO && !env.SEED_DEMO_IN_PRODUCTION) {
      ctx.addIssue({
        code: 'custom',
        path: ['SEED_DEMO'],
        message: 'is refused in production, where the demo accounts’ published password would open an admin account; set SEED_DEMO_IN_PRODUCTION=true to seed anyway',
      });
    }
    if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT) {
      ctx.addIssue({ code: 'custom', path: ['METRICS_PORT'], message: 'must differ from PORT' });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Names of every variable the API reads (for docs and the compose check). */
export const ENV_VARIABLES = Object.keys(envSchema.shape ?? {}) as (keyof Env)[];

const SECRETS = new Set(['DATABASE_URL', 'JWT_SECRET', 'MEILI_API_KEY', 'METRICS_TOKEN']);

/** Parses the environment, or throws one line naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const values = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(values);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const name = String(issue?.path[0] ?? 'environment');
  const got = SECRETS.has(name) ? undefined : source[name];
  throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}${got === undefined ? '' : ` (got "${got}")`}`);
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
