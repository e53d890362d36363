import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLError, execute, getOperationAST, type GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { SESSION_ENDED_TOPIC } from '../auth/session-events';
import type { Viewer } from '../auth/viewer';
import type { RequestContext } from '../context/request-context';
import { RequestContextFactory, socketToken } from '../context/request-context.factory';
import { requestScope } from '../context/request-scope';
import { CORE_OPTIONS, type CoreOptions } from '../core.options';
import { Metrics } from '../observability/metrics';
import { PgPubSub } from '../pubsub/pg-pubsub';
import { AppError, ErrorCode, UnauthenticatedError, formatGraphQLError, toGraphQLError } from './errors';
import { OperationDocuments, withCode } from './operation-documents';
import { OperationGuard } from './operation-guard';
import { collapseOverflowErrors } from './response-budget';
import { SubscriptionResults } from './subscription-results';

/** Close codes Bottega's graphql-ws endpoint uses besides graphql-ws's own (4400–4499 range). */
export enum SocketCloseCode {
  /** Too many sockets from one address (WebSocket "policy violation"). */
  TOO_MANY_SOCKETS = 1008,
  /** The credentials were refused at connection (graphql-ws's Forbidden). */
  FORBIDDEN = 4403,
  /** The access token reached its expiry: refresh it and reconnect with the new one. */
  TOKEN_EXPIRED = 4419,
  /** The session was ended (signed out, revoked or suspended): sign in again. */
  SESSION_ENDED = 4440,
}

export interface SocketLimits {
  maxSocketsPerAddress: number;
  maxSubscriptionsPerSocket: number;
}

/** What the server knows of one open socket. */
interface SocketState {
  ip: string;
  userAgent: string | null;
  viewer: Viewer | null;
  expiry: NodeJS.Timeout | undefined;
}

/**
 * graphql-ws on the same path as HTTP GraphQL, through the same operation
 * guard (validation rules, cost, text, mutation rate limits), context and
 * error masking. A signed-in socket lives as long as its token and session:
 * it is closed with TOKEN_EXPIRED at the token's expiry and SESSION_ENDED when
 * the session ends, so a client refreshes and reconnects rather than silently
 * receiving nothing. Every socket is closed on shutdown.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private wss: WebSocketServer | undefined;
  private dispose: (() => Promise<void> | void) | undefined;
  private readonly sockets = new Map<WebSocket, SocketState>();
  private readonly socketsPerAddress = new Map<string, number>();
  private sessionEvents: AsyncIterableIterator<unknown, undefined> | undefined;
  /** Ends an admitted operation's turn (see `OperationGuard.admit`). */
  private readonly turns = new WeakMap<RequestContext, () => void>();

  constructor(
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly contexts: RequestContextFactory,
    private readonly guard: OperationGuard,
    private readonly pubsub: PgPubSub,
    private readonly metrics: Metrics,
  ) {}

  /** Open sockets in this process. */
  get socketCount(): number {
    return this.sockets.size;
  }

  onApplicationBootstrap(): void {
    const { schema } = this.schemaHost;
    const { graphql } = this.options;
    const logger: Logger = this.options.logger;
    const wss = new WebSocketServer({ noServer: true, maxPayload: graphql.maxWsPayloadBytes });
    this.wss = wss;
    const documents = new OperationDocuments(schema, this.guard.rules);
    // Bound once: a fan-out counts a result per subscriber.
    const computed = this.metrics.subscriptionResults.labels({ result: 'computed' });
    const shared = this.metrics.subscriptionResults.labels({ result: 'shared' });
    const results = new SubscriptionResults((wasShared) => (wasShared ? shared : computed).inc());
    const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
      collapseOverflowErrors(
        errors.map((error) =>
          formatGraphQLError(error.toJSON(), error, {
            exposeInternals: graphql.exposeInternals,
            hideSchemaDetails: !graphql.introspection,
            onInternalError: (err) => logger.error({ err, transport: 'graphql-ws' }, 'subscription failed'),
          }),
        ),
      );

    const server = useServer(
      {
        schema,
        connectionInitWaitTimeout: 10_000,
        onConnect: async (ctx) => {
          const socket = ctx.extra.socket;
          const state = this.sockets.get(socket);
          if (!state) return false;
          const refusal = await this.authenticate(socket, state, ctx.connectionParams);
          if (refusal) {
            socket.close(SocketCloseCode.FORBIDDEN, refusal);
            return false;
          }
          return true;
        },
        onSubscribe: async (ctx, _id, payload) => {
          const state = this.sockets.get(ctx.extra.socket);
          if (!state) return [new GraphQLError('This socket is closing.')];
          if (Object.keys(ctx.subscriptions).length > this.options.sockets.maxSubscriptionsPerSocket) {
            const limit = this.options.sockets.maxSubscriptionsPerSocket;
            return [refusal(new AppError(ErrorCode.RATE_LIMITED, `A socket may run at most ${limit} operations at once.`, { limit }))];
          }
          const checked = documents.check(payload.query);
          if ('errors' in checked) return [...checked.errors];
          const { document } = checked;
          const operation = getOperationAST(document, payload.operationName);
          if (!operation) return [withCode(new GraphQLError('Name the operation to run.'), 'OPERATION_RESOLUTION_FAILURE')];
          const variables = payload.variables ?? undefined;
          const context = this.context(state, ctx.connectionParams);
          try {
            this.turns.set(context, await this.guard.admit({ schema, document, operation, variables, context }));
          } catch (error) {
            if (error instanceof AppError) return [refusal(error)];
            throw error;
          }
          return { schema, document, variableValues: variables, operationName: payload.operationName, contextValue: context };
        },
        subscribe: (args) => results.subscribe(args),
        // A heavy query or mutation ends its turn once it has run (a subscription has none).
        execute: async (args) => {
          const context = args.contextValue as RequestContext;
          try {
            return await requestScope.execute(context, async () => execute(args));
          } finally {
            this.turns.get(context)?.();
          }
        },
        onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
        onError: (_ctx, _id, _payload, errors) => format(errors),
      },
      wss,
    );
    this.dispose = () => server.dispose();

    // Sockets keep the HTTP server open, so they close before it drains.
    this.adapterHost.httpAdapter.getInstance<FastifyInstance>().addHook('preClose', () => this.close());

    const path = graphql.path;
    this.adapterHost.httpAdapter.getHttpServer().on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(req.url ?? '/', 'http://localhost').pathname !== path) {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        this.track(ws, req);
        wss.emit('connection', ws, req);
      });
    });
    void this.closeEndedSessions();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.close();
  }

  /** Counts the socket against its address, refusing it past the limit. */
  private track(ws: WebSocket, req: IncomingMessage): void {
    const ip = clientAddress(req, this.options.trustProxy);
    const open = (this.socketsPerAddress.get(ip) ?? 0) + 1;
    this.socketsPerAddress.set(ip, open);
    const state: SocketState = { ip, userAgent: req.headers['user-agent'] ?? null, viewer: null, expiry: undefined };
    this.sockets.set(ws, state);
    ws.once('close', () => {
      clearTimeout(state.expiry);
      this.sockets.delete(ws);
      const left = (this.socketsPerAddress.get(ip) ?? 1) - 1;
      if (left > 0) this.socketsPerAddress.set(ip, left);
      else this.socketsPerAddress.delete(ip);
    });
    if (open > this.options.sockets.maxSocketsPerAddress) {
      ws.close(SocketCloseCode.TOO_MANY_SOCKETS, 'Too many connections from this address');
    }
  }

  /** Null when the socket may open; otherwise why it may not. */
  private async authenticate(
    socket: WebSocket,
    state: SocketState,
    connectionParams: Readonly<Record<string, unknown>> | undefined,
  ): Promise<string | null> {
    if (socketToken(connectionParams) === null) return null;
    const context = this.context(state, connectionParams);
    let viewer: Viewer | null;
    try {
      viewer = await context.viewer();
    } catch (error) {
      if (error instanceof UnauthenticatedError) return error.message;
      throw error;
    }
    // Credentials were sent, so a viewer and its claims are there (an invalid token has thrown).
    const claims = await context.accessClaims();
    if (!viewer || !claims) return null;
    state.viewer = viewer;
    const closeAt = Math.max(0, claims.expiresAt.getTime() - Date.now());
    state.expiry = setTimeout(() => socket.close(SocketCloseCode.TOKEN_EXPIRED, 'Access token expired'), closeAt);
    state.expiry.unref();
    return null;
  }

  private context(state: SocketState, connectionParams: Readonly<Record<string, unknown>> | undefined): RequestContext {
    return this.contexts.forSocket(connectionParams, { ip: state.ip, userAgent: state.userAgent });
  }

  /** Closes the sockets of sessions that end, in every process (the event travels through PostgreSQL). */
  private async closeEndedSessions(): Promise<void> {
    const events = this.pubsub.subscribe(SESSION_ENDED_TOPIC);
    this.sessionEvents = events;
    for await (const event of events) {
      for (const [socket, state] of this.sockets) {
        const viewer = state.viewer;
        if (viewer && (viewer.sessionId === event['sessionId'] || viewer.userId === event['userId'])) {
          socket.close(SocketCloseCode.SESSION_ENDED, 'Session ended');
        }
      }
    }
  }

  /** Closes every socket with 1001 (going away); clients reconnect to another process. */
  private async close(): Promise<void> {
    await this.sessionEvents?.return?.();
    const dispose = this.dispose;
    this.dispose = undefined;
    await dispose?.();
    this.wss?.close();
  }
}

/** A typed refusal as graphql-ws sends it (no HTTP status to carry). */
function refusal(error: AppError): GraphQLError {
  return toGraphQLError(error);
}

/** The codes Apollo gives the same failures over HTTP. */
/** The client's address; behind a trusted proxy, the first X-Forwarded-For entry, as Fastify does for HTTP. */
function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return (trustProxy && first) || request.socket.remoteAddress || '';
}
