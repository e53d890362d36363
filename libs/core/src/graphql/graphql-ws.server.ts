import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { AccessTokenService } from '../auth/access-token.service';
import { RequestContextFactory, socketToken } from '../context/request-context.factory';
import { formatGraphQLError } from './errors';
import { checkCost, limitRules, type GraphQLLimits } from './limits';
import { CORE_OPTIONS, type CoreOptions } from '../core.options';

/**
 * graphql-ws on the same path as HTTP GraphQL, with the same limits, context
 * and error masking; closes every socket on shutdown.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private wss: WebSocketServer | undefined;
  private dispose: (() => Promise<void> | void) | undefined;

  constructor(
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly contexts: RequestContextFactory,
    private readonly tokens: AccessTokenService,
  ) {}

  onApplicationBootstrap(): void {
    const { schema } = this.schemaHost;
    const limits: GraphQLLimits = this.options.graphql.limits;
    const rules = [...specifiedRules, ...limitRules(limits)];
    const logger: Logger = this.options.logger;
    const wss = new WebSocketServer({ noServer: true, maxPayload: this.options.graphql.maxWsPayloadBytes });
    this.wss = wss;
    const format = (error: GraphQLError) =>
      formatGraphQLError(error.toJSON(), error, {
        exposeInternals: this.options.graphql.exposeInternals,
        onInternalError: (err) => logger.error({ err, transport: 'graphql-ws' }, 'subscription failed'),
      });

    const server = useServer(
      {
        schema,
        connectionInitWaitTimeout: 10_000,
        onConnect: async (ctx) => {
          const token = socketToken(ctx.connectionParams);
          // A bad token closes the socket (4403) rather than degrading to anonymous.
          return token === null || (await this.tokens.verify(token)) !== null;
        },
        onSubscribe: (ctx, _id, payload) => {
          let document: DocumentNode;
          try {
            document = parse(payload.query);
          } catch (error) {
            const message = error instanceof GraphQLError ? error.message : 'Could not parse the operation.';
            return [withCode(new GraphQLError(message), 'GRAPHQL_PARSE_FAILED')];
          }
          const errors = validate(schema, document, rules);
          if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
          const variables = payload.variables ?? undefined;
          const costError = checkCost(schema, document, variables, payload.operationName ?? undefined, limits.maxCost);
          if (costError) return [costError];
          const request = ctx.extra.request as IncomingMessage;
          return {
            schema,
            document,
            variableValues: variables,
            operationName: payload.operationName,
            contextValue: this.contexts.forSocket(ctx.connectionParams, {
              ip: clientAddress(request, this.options.trustProxy),
              userAgent: request.headers['user-agent'] ?? null,
            }),
          };
        },
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors ? { ...result, errors: result.errors.map(format) } : undefined,
        onError: (_ctx, _id, _payload, errors) => errors.map(format),
      },
      wss,
    );
    this.dispose = () => server.dispose();

    // Sockets keep the HTTP server open, so they close before it drains.
    this.adapterHost.httpAdapter.getInstance<FastifyInstance>().addHook('preClose', () => this.close());

    const path = this.options.graphql.path;
    this.adapterHost.httpAdapter.getHttpServer().on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(req.url ?? '/', 'http://localhost').pathname !== path) {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.close();
  }

  /** Closes every socket with 1001 (going away); clients reconnect to another process. */
  private async close(): Promise<void> {
    const dispose = this.dispose;
    this.dispose = undefined;
    await dispose?.();
    this.wss?.close();
  }
}

/** The codes Apollo gives the same failures over HTTP. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } });
}

/** The client's address; behind a trusted proxy, the first X-Forwarded-For entry, as Fastify does for HTTP. */
function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return (trustProxy && first) || request.socket.remoteAddress || '';
}
