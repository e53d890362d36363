import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Global, Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { APP_FILTER, HttpAdapterHost } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { AccessDirectory } from './access/access-directory';
import { AccountChanges } from './access/account-changes';
import { AuditModule } from './audit/audit.module';
import { ContentRegistry } from './content/content-registry';
import { ACCESS_TOKEN_OPTIONS, AccessTokenService } from './auth/access-token.service';
import { RequestContextFactory } from './context/request-context.factory';
import { CORE_OPTIONS, type CoreOptions } from './core.options';
import { DatabaseLogger } from './database/typeorm-logger';
import { useCursorSecret } from './graphql/connection';
import { graphqlOptions } from './graphql/graphql-options';
import { HttpErrorFilter } from './graphql/http-errors';
import { GraphqlWsServer } from './graphql/graphql-ws.server';
import { NodeRegistry } from './graphql/node.registry';
import { OperationGuard } from './graphql/operation-guard';
import { NodeResolver } from './graphql/node.resolver';
import { HealthController } from './observability/health.controller';
import { HealthChecks } from './observability/health-checks';
import { installHttpHooks } from './observability/http-hooks';
import { Metrics } from './observability/metrics';
import { MetricsController } from './observability/metrics.controller';
import { MetricsListener } from './observability/metrics.listener';
import { Outbox } from './outbox/outbox';
import { OutboxConsumers } from './outbox/outbox-consumer';
import { OutboxRunner } from './outbox/outbox.runner';
import { DatabaseShutdown } from './database/database-shutdown';
import { PoolConnections } from './database/pool-connections';
import { OutboxStore } from './outbox/outbox.store';
import { PgPubSub } from './pubsub/pg-pubsub';
import { RateLimiter } from './rate-limit/rate-limiter';

@Global()
@Module({})
export class CoreModule implements OnModuleInit {
  constructor(
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: Metrics,
    accounts: AccountChanges,
    pubsub: PgPubSub,
  ) {
    accounts.carriedBy(pubsub);
    useCursorSecret(options.accessToken.secret);
  }

  static forRoot(options: CoreOptions): DynamicModule {
    const accounts = new AccountChanges();
    const connections = new PoolConnections(accounts);
    return {
      module: CoreModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: options.database.url,
          autoLoadEntities: true,
          synchronize: false,
          migrations: options.database.migrations,
          migrationsRun: false,
          maxQueryExecutionTime: options.database.slowQueryMs,
          logger: new DatabaseLogger(options.logger.child({ component: 'database' }), options.database.slowQueryMs),
          // No JIT compilation: the API's statements are short, and a search's estimated cost (inflated by its
          // sub-queries) would otherwise compile it on every call for longer than it runs.
          extra: { max: options.database.poolSize, Client: connections.clientClass(), options: '-c jit=off' },
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [RequestContextFactory, Metrics, OperationGuard],
          useFactory: (contexts: RequestContextFactory, metrics: Metrics, guard: OperationGuard) =>
            graphqlOptions(options, contexts, metrics, guard),
        }),
        AuditModule,
      ],
      controllers: [HealthController, ...(options.metrics.onApiPort ? [MetricsController] : [])],
      providers: [
        { provide: CORE_OPTIONS, useValue: options },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: ACCESS_TOKEN_OPTIONS, useValue: options.accessToken },
        AccessTokenService,
        AccessDirectory,
        ContentRegistry,
        HealthChecks,
        RequestContextFactory,
        Metrics,
        RateLimiter,
        OperationGuard,
        NodeRegistry,
        NodeResolver,
        GraphqlWsServer,
        PgPubSub,
        MetricsListener,
        Outbox,
        OutboxConsumers,
        OutboxStore,
        OutboxRunner,
        { provide: AccountChanges, useValue: accounts },
        { provide: PoolConnections, useValue: connections },
        DatabaseShutdown,
      ],
      exports: [
        CORE_OPTIONS,
        AccessTokenService,
        AccessDirectory,
        AccountChanges,
        ContentRegistry,
        HealthChecks,
        RequestContextFactory,
        Metrics,
        RateLimiter,
        OperationGuard,
        NodeRegistry,
        GraphqlWsServer,
        PgPubSub,
        Outbox,
        OutboxConsumers,
        OutboxRunner,
      ],
    };
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const exposeCount = this.options.exposeSqlStatementCount;
    // Statements are counted per request only where the count is read: exposed, or in traced queries.
    installHttpHooks(fastify, this.metrics, { exposeCount, countStatements: exposeCount || this.options.logger.isLevelEnabled('trace') });
  }
}
