import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessDirectory } from '@bottega/core';
import { NotificationKind, NotificationWriter } from '@bottega/notifications';
import { EXCHANGE_AUDIENCE, exchangeFacts } from './exchange.audience';
import { RegistrationStatus } from './exchange.enums';
import type { ExchangeRow } from './exchange.repository';
import type { PromotedRegistration, RegistrationRow } from './registration.repository';

/**
 * What participants hear, in the transaction of the change, once per event,
 * only those who may read the exchange: their seat or waitlist place, a seat
 * freed up for them, a change of schedule or place, a cancellation.
 */
@Injectable()
export class ExchangeNotifier {
  constructor(
    private readonly writer: NotificationWriter,
    private readonly directory: AccessDirectory,
  ) {}

  /** The registrant's confirmation: a seat, or a place on the waitlist. */
  async registered(manager: EntityManager, exchange: ExchangeRow, registration: RegistrationRow): Promise<void> {
    const seat = registration.status === RegistrationStatus.REGISTERED;
    await this.tell(manager, exchange, {
      kind: seat ? NotificationKind.EXCHANGE_REGISTERED : NotificationKind.EXCHANGE_WAITLISTED,
      eventKey: `exchange-${seat ? 'registered' : 'waitlisted'}:${registration.id}:${registration.arrival}`,
      recipientIds: [registration.userId],
    });
  }

  /** Each person moved from the waitlist to a seat. */
  async promoted(manager: EntityManager, exchange: ExchangeRow, promoted: PromotedRegistration[]): Promise<void> {
    for (const registration of promoted) {
      await this.tell(manager, exchange, {
        kind: NotificationKind.EXCHANGE_PROMOTED,
        eventKey: `exchange-promoted:${registration.id}:${registration.arrival}`,
        recipientIds: [registration.userId],
      });
    }
  }

  /** Its schedule or place changed (at `version`): those who hold or wait for a seat, the editor aside. */
  async changed(manager: EntityManager, exchange: ExchangeRow, recipientIds: string[], actorId: string): Promise<void> {
    await this.tell(manager, exchange, { kind: NotificationKind.EXCHANGE_CHANGED, eventKey: `exchange-changed:${exchange.id}:${exchange.version}`, recipientIds, actorId });
  }

  /** It was cancelled, with the reason given. */
  async cancelled(manager: EntityManager, exchange: ExchangeRow, recipientIds: string[], actorId: string, reason: string): Promise<void> {
    await this.tell(manager, exchange, { kind: NotificationKind.EXCHANGE_CANCELLED, eventKey: `exchange-cancelled:${exchange.id}`, recipientIds, actorId, reason });
  }

  /** Its outcomes were published: those who attended, the one who published them aside. */
  async outcomesPublished(manager: EntityManager, exchange: ExchangeRow, recipientIds: string[], actorId: string): Promise<void> {
    await this.tell(manager, exchange, {
      kind: NotificationKind.EXCHANGE_OUTCOMES,
      eventKey: `exchange-outcomes:${exchange.id}`,
      recipientIds,
      actorId,
    });
  }

  private async tell(
    manager: EntityManager,
    exchange: ExchangeRow,
    notice: { kind: NotificationKind; eventKey: string; recipientIds: string[]; actorId?: string; reason?: string },
  ): Promise<void> {
    const recipientIds = await this.directory.readersAmong(manager, EXCHANGE_AUDIENCE, exchangeFacts(exchange), notice.recipientIds);
    await this.writer.notify(manager, {
      kind: notice.kind,
      actorId: notice.actorId ?? null,
      subjectType: 'PeerExchange',
      subjectId: exchange.id,
      eventKey: notice.eventKey,
      recipientIds,
      reason: notice.reason ?? null,
    });
  }
}
