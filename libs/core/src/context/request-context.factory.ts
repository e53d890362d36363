import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessTokenService } from '../auth/access-token.service';
import { SessionVerifier } from '../auth/viewer';
import { CORE_OPTIONS, type CoreOptions } from '../core.options';
import { ResponseBudget } from '../graphql/response-budget';
import { MALFORMED, RequestContext, bearerToken, type Credentials, type HttpExchange } from './request-context';

/** Builds the GraphQL context for an HTTP request or a graphql-ws operation. */
@Injectable()
export class RequestContextFactory {
  private sessions: SessionVerifier | undefined;

  constructor(
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
    private readonly tokens: AccessTokenService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** With `reply`, resolvers may answer through HTTP itself (a cookie); see {@link RequestContext.http}. */
  forHttp(request: FastifyRequest, reply?: FastifyReply): RequestContext {
    const http = reply ? { request, reply } : null;
    return this.create(String(request.id), request.ip, request.headers['user-agent'] ?? null, bearerToken(request.headers.authorization), http);
  }

  forSocket(
    connectionParams: Readonly<Record<string, unknown>> | undefined,
    socket: { ip: string; userAgent: string | null },
  ): RequestContext {
    return this.create(randomUUID(), socket.ip, socket.userAgent, socketToken(connectionParams), null);
  }

  private create(requestId: string, ip: string, userAgent: string | null, credentials: Credentials, http: HttpExchange | null): RequestContext {
    const budget = new ResponseBudget(this.options.graphql.limits.maxResponseBytes);
    return new RequestContext(requestId, ip, userAgent, credentials, this.tokens, this.sessionVerifier(), budget, http);
  }

  /** Resolved lazily: the identity library provides it, and it imports this one. */
  private sessionVerifier(): SessionVerifier {
    this.sessions ??= this.moduleRef.get(SessionVerifier, { strict: false }) ?? undefined;
    if (!this.sessions) throw new Error('No SessionVerifier is provided; import the identity module.');
    return this.sessions;
  }
}

/**
 * graphql-ws clients send `{ authorization: "Bearer …" }` (or `{ accessToken: "…" }`)
 * as connection params; anything else under those names is MALFORMED.
 */
export function socketToken(params: Readonly<Record<string, unknown>> | undefined): Credentials {
  if (!params) return null;
  if ('accessToken' in params) return typeof params['accessToken'] === 'string' && params['accessToken'] ? params['accessToken'] : MALFORMED;
  return bearerToken(params['authorization'] ?? params['Authorization']);
}
