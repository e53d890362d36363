import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from '@bottega/core';

/** The header Bottega's web client sends with every request that reads or sets the session cookie. */
export const WEB_CLIENT_HEADER = 'x-bottega-client';
export const WEB_CLIENT_VALUE = 'web';

/**
 * Refuses a request that may come from another site: besides the cookie's
 * SameSite=Strict, the session cookie is only read or set for requests that
 * carry {@link WEB_CLIENT_HEADER} (a cross-site form cannot send it, and
 * without CORS a script on another origin cannot either) and whose `Origin`,
 * when the browser sends one, is this host.
 */
export function requireWebClient(request: FastifyRequest): void {
  if (request.headers[WEB_CLIENT_HEADER] !== WEB_CLIENT_VALUE) {
    throw new ForbiddenError(`Send the "X-Bottega-Client: ${WEB_CLIENT_VALUE}" header to use the session cookie.`);
  }
  const origin = request.headers.origin;
  if (origin !== undefined && originHost(origin) !== request.host.toLowerCase()) {
    throw new ForbiddenError('Requests from another origin may not use the session cookie.');
  }
}

/** `host[:port]` of an origin; null for `null` or anything that is not a URL. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
