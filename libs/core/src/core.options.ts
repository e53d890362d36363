import type { Logger } from 'pino';
import type { AccessTokenOptions } from './auth/access-token.service';
import type { MigrationClass } from './database/migrate';
import type { HeavyOperationLimits } from './graphql/heavy-operations';
import type { GraphQLLimits } from './graphql/limits';
import type { SocketLimits } from './graphql/graphql-ws.server';
import type { MutationRateLimits } from './graphql/operation-guard';
import type { OutboxRunnerSettings } from './outbox/outbox.runner';

export const CORE_OPTIONS = Symbol('CORE_OPTIONS');

/** Everything the core needs from configuration; the app builds it from the environment. */
export interface CoreOptions {
  logger: Logger;
  database: {
    url: string;
    poolSize: number;
    slowQueryMs: number;
    /** Every library's migrations, in the order they apply (the app collects them). */
    migrations: MigrationClass[];
  };
  accessToken: AccessTokenOptions;
  graphql: {
    path: string;
    introspection: boolean;
    /** Stack traces and unmasked internal errors in responses (development only). */
    exposeInternals: boolean;
    limits: GraphQLLimits;
    heavyOperations: HeavyOperationLimits;
    maxWsPayloadBytes: number;
    mutationRateLimits: MutationRateLimits;
  };
  /** graphql-ws sockets per client address, and operations per socket. */
  sockets: SocketLimits;
  /** Take client addresses from X-Forwarded-For (behind a proxy we run). */
  trustProxy: boolean;
  /** Adds `x-sql-statements` to HTTP responses (tests and benchmarks). */
  exposeSqlStatementCount: boolean;
  metrics: MetricsOptions;
  /** How the outbox runner batches, and how long it keeps handled changes and silent consumers (defaults otherwise). */
  outbox?: Partial<Pick<OutboxRunnerSettings, 'batchSize' | 'retentionDays' | 'consumerExpiryDays'>>;
}

/** Where Prometheus reads `GET /metrics`. */
export interface MetricsOptions {
  /** Served on the API's own port (else that port answers 404). */
  onApiPort: boolean;
  /** A listener of its own for `/metrics` only, on `host`. */
  port?: number;
  host: string;
  /** Required as `Authorization: Bearer <token>` wherever metrics are served. */
  token?: string;
}
