import type { Logger } from 'pino';
import type { CompetencesOptions } from '@bottega/competences';
import type { CoreOptions } from '@bottega/core';
import type { ForumOptions } from '@bottega/forum';
import type { IdentityOptions } from '@bottega/identity';
import type { SearchOptions } from '@bottega/search';
import { MIGRATIONS } from './migrations';
import type { Env } from './env.schema';

/** Used only outside production, where JWT_SECRET may be omitted. */
const DEVELOPMENT_JWT_SECRET = 'bottega-development-secret-not-for-production-use';

export interface AppConfig {
  core: CoreOptions;
  identity: IdentityOptions;
  forum: ForumOptions;
  competences: CompetencesOptions;
  search: SearchOptions;
}

/** Options of each library, derived from the validated environment. */
export function appConfig(env: Env, databaseUrl: string, logger: Logger): AppConfig {
  const production = env.NODE_ENV === 'production';
  return {
    core: {
      logger,
      database: {
        url: databaseUrl,
        poolSize: env.DATABASE_POOL_SIZE,
        slowQueryMs: env.DATABASE_SLOW_QUERY_MS,
        migrations: MIGRATIONS,
      },
      accessToken: {
        secret: env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
        ttlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
        issuer: 'bottega',
      },
      graphql: {
        path: '/graphql',
        introspection: env.GRAPHQL_INTROSPECTION ?? !production,
        exposeInternals: env.NODE_ENV === 'development',
        limits: {
          maxDepth: env.GRAPHQL_MAX_DEPTH,
          maxAliases: env.GRAPHQL_MAX_ALIASES,
          maxCost: env.GRAPHQL_MAX_COST,
          maxResponseBytes: env.GRAPHQL_MAX_RESPONSE_BYTES,
        },
        heavyOperations: { cost: env.GRAPHQL_HEAVY_COST, concurrency: env.GRAPHQL_HEAVY_CONCURRENCY, queue: env.GRAPHQL_HEAVY_QUEUE },
        maxWsPayloadBytes: env.WS_MAX_PAYLOAD_BYTES,
        mutationRateLimits: {
          perIp: { limit: env.MUTATION_RATE_LIMIT_PER_IP, windowSeconds: 60 },
          perUser: { limit: env.MUTATION_RATE_LIMIT_PER_USER, windowSeconds: 60 },
        },
      },
      sockets: {
        maxSocketsPerAddress: env.WS_MAX_SOCKETS_PER_ADDRESS,
        maxSubscriptionsPerSocket: env.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
      },
      trustProxy: env.TRUST_PROXY,
      exposeSqlStatementCount: env.EXPOSE_SQL_STATEMENT_COUNT,
      // Process internals are not for the public: in production the API's port serves them only behind a token.
      metrics: {
        onApiPort: env.METRICS_PORT === undefined && (!production || env.METRICS_TOKEN !== undefined),
        port: env.METRICS_PORT,
        host: env.HOST,
        token: env.METRICS_TOKEN,
      },
      outbox: {
        batchSize: env.OUTBOX_BATCH_SIZE,
        retentionDays: env.OUTBOX_RETENTION_DAYS,
        consumerExpiryDays: env.OUTBOX_CONSUMER_EXPIRY_DAYS,
      },
    },
    identity: {
      refreshTokenTtlSeconds: env.REFRESH_TOKEN_TTL_DAYS * 86_400,
      limits: {
        loginPerIp: { limit: env.LOGIN_RATE_LIMIT_PER_IP, windowSeconds: 300 },
        loginBackoff: {
          freeAttempts: env.LOGIN_FREE_ATTEMPTS,
          baseSeconds: env.LOGIN_BACKOFF_BASE_SECONDS,
          maxSeconds: env.LOGIN_BACKOFF_MAX_SECONDS,
        },
        loginFailuresPerAccount: { limit: env.LOGIN_FAILURES_PER_ACCOUNT, windowSeconds: 900 },
        registerPerIp: { limit: env.REGISTER_RATE_LIMIT_PER_IP, windowSeconds: 3600 },
      },
    },
    forum: {
      moderation: {
        flagAutoHideThreshold: env.FLAG_AUTO_HIDE_THRESHOLD,
        newAccounts: { days: env.NEW_ACCOUNT_DAYS, postsPerHour: env.NEW_ACCOUNT_POSTS_PER_HOUR },
      },
    },
    competences: {
      questionRoutingDailyCap: env.QUESTION_ROUTING_DAILY_CAP,
    },    search: {
      meilisearch: env.MEILI_HOST ? { host: env.MEILI_HOST, ...(env.MEILI_API_KEY ? { apiKey: env.MEILI_API_KEY } : {}) } : null,
      indexInProcess: env.SEARCH_INDEX_IN_PROCESS,
    },

  };
}
