import type { Logger } from 'pino';
import type { AccessTokenOptions } from './auth/access-token.service';
import type { GraphQLLimits } from './graphql/limits';
import type { MutationRateLimits } from './rate-limit/mutation-rate-limit.plugin';

export const CORE_OPTIONS = Symbol('CORE_OPTIONS');

/** Everything the core needs from configuration; the app builds it from the environment. */
export interface CoreOptions {
  logger: Logger;
  database: {
    url: string;
    poolSize: number;
    slowQueryMs: number;
  };
  accessToken: AccessTokenOptions;
  graphql: {
    path: string;
    introspection: boolean;
    /** Stack traces and unmasked internal errors in responses (development only). */
    exposeInternals: boolean;
    limits: GraphQLLimits;
    maxWsPayloadBytes: number;
    mutationRateLimits: MutationRateLimits;
  };
  /** Take client addresses from X-Forwarded-For (behind a proxy we run). */
  trustProxy: boolean;
  /** Adds `x-sql-statements` to HTTP responses (tests and benchmarks). */
  exposeSqlStatementCount: boolean;
}
