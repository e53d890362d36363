import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCode, RateLimiter, UnauthenticatedError, sendAppError, toGlobalId } from '@bottega/core';
import { DEFAULT_BROWSER_SESSION_LIMIT, IDENTITY_OPTIONS, type IdentityOptions } from '../identity.options';
import { AuthService } from './auth.service';
import { SessionCookie } from './session-cookie';
import { requireWebClient } from './web-client';

/** What `POST /session/refresh` answers. */
export interface BrowserSessionJson {
  accessToken: string;
  /** ISO 8601. */
  accessTokenExpiresAt: string;
  viewer: { id: string; handle: string; displayName: string };
}

/**
 * The browser's side of a session opened with `tokenDelivery: COOKIE`: the
 * refresh token never leaves its HttpOnly cookie, and these routes are the
 * only ones it is sent to. Both need the web client's header and a
 * same-origin request; refusals are JSON in GraphQL's error shape.
 */
@Controller('session')
export class BrowserSessionController {
  constructor(
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
    private readonly limiter: RateLimiter,
  ) {}

  /** Rotates the cookie and hands out a new access token. */
  @Post('refresh')
  async refresh(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(request, reply, async (refreshToken): Promise<BrowserSessionJson> => {
      const { user, tokens } = await this.auth.refreshWithAccount(refreshToken);
      this.cookie.set(request, reply, tokens.refreshToken);
      return {
        accessToken: tokens.accessToken,
        accessTokenExpiresAt: tokens.accessTokenExpiresAt.toISOString(),
        viewer: { id: toGlobalId('User', user.id), handle: user.handle, displayName: user.displayName },
      };
    });
  }

  /** Ends the cookie's session (its access tokens and sockets stop at once) and drops the cookie. */
  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(request, reply, async (refreshToken) => {
      await this.auth.endSessionOf(refreshToken);
      this.cookie.clear(request, reply);
      return { loggedOut: true };
    });
  }

  private async answer(request: FastifyRequest, reply: FastifyReply, work: (refreshToken: string) => Promise<object>): Promise<void> {
    try {
      requireWebClient(request);
      await this.limiter.consume(`session:ip:${request.ip}`, this.options.limits.browserSessionPerIp ?? DEFAULT_BROWSER_SESSION_LIMIT);
      const refreshToken = this.cookie.read(request);
      if (!refreshToken) throw new UnauthenticatedError('You are not signed in on this browser.');
      const body = await work(refreshToken);
      await reply.status(200).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify(body));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // A cookie that no longer opens a session is of no use to keep; a refused cross-site request changes nothing.
      if (error.code === ErrorCode.UNAUTHENTICATED) this.cookie.clear(request, reply);
      await sendAppError(reply, error);
    }
  }
}
