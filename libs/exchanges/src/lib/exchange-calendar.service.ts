import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AccessDirectory, Principals, UserError, UserErrorCode, refuse, succeed, type Outcome, type RequestContext } from '@bottega/core';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { exchangeCalendar, type CalendarEntry } from './exchange-calendar';
import { ExchangeAccess } from './exchange.access';
import { RegistrationStatus } from './exchange.enums';
import { ExchangeLoaders, registrationKey } from './exchange.loaders';
import { canSeePlace } from './exchange.policy';
import { ExchangeRepository } from './exchange.repository';
import { ReviewInvitationStatus } from './peer-review.enums';
import { PeerReviewService } from './peer-review.service';

/** A personal feed's token: 256 random bits, shown once; only its SHA-256 is stored. */
const newToken = () => randomBytes(32).toString('base64url');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
export const tokenHash = (token: string): Buffer => createHash('sha256').update(token).digest();

/**
 * Exchanges as iCalendar: one exchange as the API reads it for its reader,
 * and each person's feed of the exchanges they hold or wait for a seat at (or
 * review), behind a token since calendar applications send no bearer token.
 */
@Injectable()
export class ExchangeCalendarService {
  constructor(
    private readonly feeds: CalendarFeedRepository,
    private readonly exchanges: ExchangeRepository,
    private readonly access: ExchangeAccess,
    private readonly loaders: ExchangeLoaders,
    private readonly directory: AccessDirectory,
    private readonly reviews: PeerReviewService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** One exchange the reader reads (NOT_FOUND otherwise), its place only if the API would show it to them. */
  async exchange(context: RequestContext, globalId: string): Promise<string> {
    const { exchange, principals } = await this.access.readable(context, globalId, ['path', 'exchange']);
    const viewer = await context.viewer();
    const registration = viewer ? await context.loaders.get(this.loaders.registration).load(registrationKey(exchange.id, viewer.userId)) : null;
    const reviewer = (await this.reviews.invitationOfViewer(context, exchange))?.status === ReviewInvitationStatus.ACCEPTED;
    return exchangeCalendar(exchange.title, [{ exchange, showPlace: reviewer || canSeePlace(principals, exchange, registration) }]);
  }

  /** The feed behind a token, as its owner reads now; null for a token unknown or revoked. */
  async feed(token: string): Promise<string | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const ownerId = await this.feeds.ownerOf(tokenHash(token));
    if (!ownerId) return null;
    // A suspended or removed account holds no principal: its feed is empty.
    const principals = (await this.directory.forUsers(this.db.manager, [ownerId])).get(ownerId) ?? Principals.NOBODY;
    const entries = await this.feeds.entries(ownerId, principals);
    const rows = new Map((await this.exchanges.findByIds(entries.map((entry) => entry.exchangeId))).map((row) => [row.id, row]));
    const events = entries.flatMap((entry): CalendarEntry[] => {
      const exchange = rows.get(entry.exchangeId);
      if (!exchange) return [];
      const status = (entry.registrationStatus as RegistrationStatus | null) ?? 'REVIEWER';
      const showPlace = status === 'REVIEWER' || canSeePlace(principals, exchange, { status });
      return [{ exchange, showPlace, standing: { status, position: entry.position } }];
    });
    return exchangeCalendar('Bottega: i miei scambi', events);
  }

  /** A new personal feed (the previous one stops working); its address is shown this once. */
  async create(context: RequestContext): Promise<{ url: string; createdAt: Date }> {
    const viewer = await context.requireViewer();
    const token = newToken();
    const { createdAt } = await this.feeds.replace(viewer.userId, tokenHash(token));
    return { url: `/calendar/${token}.ics`, createdAt };
  }

  async revoke(context: RequestContext): Promise<Outcome<true>> {
    const viewer = await context.requireViewer();
    if (!(await this.feeds.revoke(viewer.userId))) return refuse(UserError.of(UserErrorCode.INVALID_STATE, 'You have no calendar feed.', ['input']));
    return succeed(true);
  }
}
