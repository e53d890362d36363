import { Injectable } from '@nestjs/common';
import { Outbox, OutboxChange, PgPubSub, UserError, UserErrorCode, refuse, succeed, validateInput, type Outcome, type RequestContext } from '@bottega/core';
import { CancelRegistrationInput, RegisterForExchangeInput } from './dto/exchange.inputs';
import { ExchangeAccess } from './exchange.access';
import { ExchangeChange, ExchangeStatus, RegistrationStatus } from './exchange.enums';
import { exchangeEvent } from './exchange.events';
import { Refused, refusal } from './exchange.errors';
import { ExchangeLoaders, registrationKey } from './exchange.loaders';
import { ExchangeNotifier } from './exchange.notifier';
import { isActive, registrationRefusal } from './exchange.policy';
import { ExchangeRepository, type ExchangeRow } from './exchange.repository';
import { RegistrationRepository, type RegistrationRow } from './registration.repository';

export interface RegistrationOutcome {
  registration: RegistrationRow;
  exchange: ExchangeRow;
}

/**
 * Registrations, exact under any concurrency: each one takes the exchange's
 * row lock, then reads the seats left, hands out the next arrival and counts
 * the seat or the waitlist place on the row, so seats are never given twice
 * and the waitlist is in the order the lock was granted. A cancelled seat
 * goes to the first waitlisted person in the same transaction.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly exchanges: ExchangeRepository,
    private readonly registrations: RegistrationRepository,
    private readonly access: ExchangeAccess,
    private readonly loaders: ExchangeLoaders,
    private readonly notifier: ExchangeNotifier,
    private readonly outbox: Outbox,
    private readonly pubsub: PgPubSub,
  ) {}

  /** A seat while seats are left, the waitlist beyond; open exchanges only, before their deadline, once. */
  async register(input: RegisterForExchangeInput, context: RequestContext): Promise<Outcome<RegistrationOutcome>> {
    const viewer = await context.requireViewer();
    const { exchange } = await this.access.readable(context, input.exchangeId, ['input', 'exchangeId']);
    const note = input.note?.trim() || null;
    const errors = await validateInput(RegisterForExchangeInput, { ...input, note });
    if (errors.length > 0) return refuse(...errors);
    return this.locked(exchange.id, viewer.userId, context, async (manager, locked, existing) => {
      const refusal = registrationRefusal(locked.row, locked.deadlinePassed, existing);
      if (refusal) return refusal;
      const registration = await this.registrations.register(manager, exchange.id, viewer.userId, note);
      await this.notifier.registered(manager, locked.row, registration);
      return null;
    });
  }

  /** The viewer's own registration ends; the seat it held goes to the first waitlisted person, who is told. */
  async cancel(input: CancelRegistrationInput, context: RequestContext): Promise<Outcome<RegistrationOutcome>> {
    const viewer = await context.requireViewer();
    const { exchange } = await this.access.readable(context, input.exchangeId, ['input', 'exchangeId']);
    return this.locked(exchange.id, viewer.userId, context, async (manager, locked, existing) => {
      if (!existing || !isActive(existing)) {
        return UserError.of(UserErrorCode.INVALID_STATE, 'You are not registered to this exchange.', ['input', 'exchangeId']);
      }
      if (locked.row.status !== ExchangeStatus.OPEN && locked.row.status !== ExchangeStatus.CLOSED) {
        return UserError.of(UserErrorCode.INVALID_STATE, 'This exchange is over; its registrations no longer change.', ['input', 'exchangeId']);
      }
      await this.registrations.cancelRegistration(manager, existing);
      if (existing.status === RegistrationStatus.REGISTERED) {
        const promoted = await this.registrations.promote(manager, exchange.id);
        if (promoted.length > 0) await this.notifier.promoted(manager, locked.row, promoted);
      }
      return null;
    });
  }

  /** `work` under the exchange's row lock, with the person's registration as it is there; then its outbox record and live event. */
  private async locked(
    exchangeId: string,
    userId: string,
    context: RequestContext,
    work: (
      manager: Parameters<Parameters<ExchangeRepository['transaction']>[0]>[0],
      locked: NonNullable<Awaited<ReturnType<ExchangeRepository['lock']>>>,
      existing: RegistrationRow | null,
    ) => Promise<UserError | null>,
  ): Promise<Outcome<RegistrationOutcome>> {
    const refused = await refusal(
      this.exchanges.transaction(async (manager) => {
        const locked = await this.exchanges.lock(manager, exchangeId);
        if (!locked) throw new Error('An exchange vanished under a registration');
        const error = await work(manager, locked, await this.registrations.registrationOf(manager, exchangeId, userId));
        if (error) throw new Refused(error);
        await this.outbox.record(manager, { kind: 'PeerExchange', subjectId: exchangeId, change: OutboxChange.EDITED });
        await this.pubsub.publish(exchangeEvent(exchangeId, ExchangeChange.SEATS), manager);
        return null;
      }),
    );
    if (refused) return refuse(refused);
    const exchange = await context.loaders.reload(this.loaders.byId, exchangeId);
    const registration = await context.loaders.reload(this.loaders.registration, registrationKey(exchangeId, userId));
    return succeed({ exchange, registration });
  }
}
