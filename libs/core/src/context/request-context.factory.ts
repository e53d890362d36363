import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AccessTokenService } from '../auth/access-token.service';
import { SessionVerifier } from '../auth/viewer';
import { RequestContext, bearerToken } from './request-context';

/** Builds the GraphQL context for an HTTP request or a graphql-ws operation. */
@Injectable()
export class RequestContextFactory {
  private sessions: SessionVerifier | undefined;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly moduleRef: ModuleRef,
  ) {}

  forHttp(request: FastifyRequest): RequestContext {
    return new RequestContext(
      String(request.id),
      request.ip,
      request.headers['user-agent'] ?? null,
      bearerToken(request.headers.authorization),
      this.tokens,
      this.sessionVerifier(),
    );
  }

  forSocket(
    connectionParams: Readonly<Record<string, unknown>> | undefined,
    socket: { ip: string; userAgent: string | null },
  ): RequestContext {
    return new RequestContext(
      randomUUID(),
      socket.ip,
      socket.userAgent,
      socketToken(connectionParams),
      this.tokens,
      this.sessionVerifier(),
    );
  }

  /** Resolved lazily: the identity library provides it, and it imports this one. */
  private sessionVerifier(): SessionVerifier {
    this.sessions ??= this.moduleRef.get(SessionVerifier, { strict: false }) ?? undefined;
    if (!this.sessions) throw new Error('No SessionVerifier is provided; import the identity module.');
    return this.sessions;
  }
}

/** graphql-ws clients send `{ authorization: "Bearer …" }` (or `{ accessToken }`) as connection params. */
export function socketToken(params: Readonly<Record<string, unknown>> | undefined): string | null {
  if (!params) return null;
  if (typeof params['accessToken'] === 'string') return params['accessToken'];
  return bearerToken(params['authorization'] ?? params['Authorization']);
}
