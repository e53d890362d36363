import { Inject, Injectable } from '@nestjs/common';
import { parseCookie, stringifySetCookie, type SetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity.options';

/** The cookie that holds a browser's refresh token. */
export const SESSION_COOKIE = 'bottega_refresh';
/** The only routes the browser sends it to (`POST /session/refresh`, `POST /session/logout`). */
export const SESSION_COOKIE_PATH = '/session';

/** Hosts a developer's browser reaches over plain HTTP. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Writes and reads the refresh-token cookie: HttpOnly (scripts never see it),
 * SameSite=Strict, sent only to {@link SESSION_COOKIE_PATH}, living as long
 * as the refresh token, and Secure unless the request came to a loopback
 * host over plain HTTP.
 */
@Injectable()
export class SessionCookie {
  constructor(@Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions) {}

  /** The refresh token the browser sent, or null. */
  read(request: FastifyRequest): string | null {
    const header = request.headers.cookie;
    const token = header ? parseCookie(header)[SESSION_COOKIE] : undefined;
    return token || null;
  }

  set(request: FastifyRequest, reply: FastifyReply, refreshToken: string): void {
    void reply.header('set-cookie', this.serialize(request, refreshToken, this.options.refreshTokenTtlSeconds));
  }

  /** Tells the browser to drop the cookie. */
  clear(request: FastifyRequest, reply: FastifyReply): void {
    void reply.header('set-cookie', this.serialize(request, '', 0));
  }

  private serialize(request: FastifyRequest, value: string, maxAge: number): string {
    const cookie: SetCookie = {
      name: SESSION_COOKIE,
      value,
      maxAge,
      path: SESSION_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: secureFor(request),
    };
    return stringifySetCookie(cookie);
  }
}

/**
 * Decided from the request, so the same build works on `http://localhost`
 * and behind HTTPS with no setting to forget: only a loopback host over plain
 * HTTP goes without Secure. Behind a TLS proxy the protocol is read from
 * X-Forwarded-Proto when `TRUST_PROXY` is set; without it the request looks
 * like plain HTTP, and the public host name still makes the cookie Secure.
 */
function secureFor(request: FastifyRequest): boolean {
  return request.protocol !== 'http' || !LOOPBACK_HOSTS.has(request.hostname.toLowerCase());
}
