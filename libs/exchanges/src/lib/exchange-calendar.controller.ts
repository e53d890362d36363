import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { AppError, NotFoundError, RateLimiter, RequestContextFactory, sendAppError, type RateLimit } from '@bottega/core';
import { ExchangeCalendarService } from './exchange-calendar.service';

/** Calendar applications poll; a client address gets this many calendar requests a minute. */
export const CALENDAR_RATE_LIMIT: RateLimit = { limit: 60, windowSeconds: 60 };

/** `<name>.ics` → `<name>`; null for anything else. */
const icsName = (file: unknown): string | null => (typeof file === 'string' && file.endsWith('.ics') && file.length > 4 ? file.slice(0, -4) : null);

/**
 * iCalendar over HTTP: `GET /exchanges/<global id>.ics` reads one exchange as
 * the API reads it (anonymous, or with `Authorization: Bearer …`), and
 * `GET /calendar/<token>.ics` a person's feed (`createCalendarFeed`). Both
 * answer `If-None-Match` with 304; refusals are JSON in GraphQL's error shape.
 */
@Controller()
export class ExchangeCalendarController {
  constructor(
    private readonly contexts: RequestContextFactory,
    private readonly calendars: ExchangeCalendarService,
    private readonly limiter: RateLimiter,
  ) {}

  @Get('exchanges/:file')
  async exchange(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(request, reply, async () => {
      const name = icsName((request.params as Record<string, unknown>)['file']);
      if (!name) throw new NotFoundError('PeerExchange');
      const context = this.contexts.forHttp(request);
      const signedIn = (await context.viewer()) !== null;
      // Anonymous readers all see the same public calendar: shared caches may keep it a little.
      return { body: await this.calendars.exchange(context, name), cache: signedIn ? 'private, no-cache' : 'public, max-age=300' };
    });
  }

  @Get('calendar/:file')
  async feed(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(request, reply, async () => {
      const token = icsName((request.params as Record<string, unknown>)['file']);
      const body = token ? await this.calendars.feed(token) : null;
      if (body === null) throw new NotFoundError('Calendar feed');
      return { body, cache: 'private, no-cache' };
    });
  }

  private async answer(request: FastifyRequest, reply: FastifyReply, read: () => Promise<{ body: string; cache: string }>): Promise<void> {
    try {
      await this.limiter.consume(`calendar:ip:${request.ip}`, CALENDAR_RATE_LIMIT);
      const { body, cache } = await read();
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      void reply.header('etag', etag).header('cache-control', cache).header('vary', 'Authorization');
      const asked = request.headers['if-none-match'];
      if (typeof asked === 'string' && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
        await reply.status(304).send();
        return;
      }
      await reply.status(200).header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="bottega.ics"').send(body);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await sendAppError(reply, error);
    }
  }
}
