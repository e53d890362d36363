import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ForbiddenError,
  Outbox,
  OutboxChange,
  PgPubSub,
  UserError,
  UserErrorCode,
  refuse,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { CancelPeerExchangeInput, SetExchangeCapacityInput, type PeerExchangeInput } from './dto/exchange.inputs';
import { ExchangeAccess } from './exchange.access';
import { ExchangeChange, ExchangeFormat, ExchangeStatus } from './exchange.enums';
import { exchangeEvent } from './exchange.events';
import { ExchangeLoaders } from './exchange.loaders';
import { ExchangeNotifier } from './exchange.notifier';
import { LIVE, canManage } from './exchange.policy';
import { ExchangeRepository, type ExchangeRow, type LockedExchange } from './exchange.repository';
import { RegistrationRepository } from './registration.repository';
import { Refused, over, refusal } from './exchange.errors';
import { PeerReviewRepository } from './peer-review.repository';

/** What a managing step does under the exchange's row lock: a user error, or nothing once done. */
type Step = (manager: EntityManager, locked: LockedExchange, actorId: string) => Promise<UserError | null>;

/**
 * The exchange's lifecycle and capacity, decided by those who run it. Each
 * step runs under the exchange's row lock, which registrations take too, so a
 * registration never slips past a closing, a cancellation or a new capacity.
 */
@Injectable()
export class ExchangeLifecycleService {
  constructor(
    private readonly exchanges: ExchangeRepository,
    private readonly registrations: RegistrationRepository,
    private readonly access: ExchangeAccess,
    private readonly loaders: ExchangeLoaders,
    private readonly notifier: ExchangeNotifier,
    private readonly outbox: Outbox,
    private readonly pubsub: PgPubSub,
    private readonly reviews: PeerReviewRepository,
  ) {}

  /** DRAFT → OPEN, while its registration deadline is ahead. */
  open(input: PeerExchangeInput, context: RequestContext): Promise<Outcome<ExchangeRow>> {
    return this.step(input.exchangeId, context, ExchangeChange.STATUS, async (manager, { row, deadlinePassed }) => {
      if (row.status !== ExchangeStatus.DRAFT) return invalid(`Only a draft opens its registrations; this exchange is ${row.status}.`);
      if (deadlinePassed) return invalid('Its registration deadline has passed: move it first.');
      if (row.format === ExchangeFormat.PEER_REVIEW && !(await this.reviews.reviewOf(manager, row.id))) {
        return invalid('State the question peers should examine (`reviewQuestion`) before opening registrations.');
      }
      await this.exchanges.transition(manager, row.id, [ExchangeStatus.DRAFT], ExchangeStatus.OPEN);
      return null;
    });
  }

  /** OPEN → CLOSED: nobody registers any more; the waitlist still moves when a seat frees up. */
  close(input: PeerExchangeInput, context: RequestContext): Promise<Outcome<ExchangeRow>> {
    return this.step(input.exchangeId, context, ExchangeChange.STATUS, async (manager, { row }) => {
      if (row.status !== ExchangeStatus.OPEN) return invalid(`Only open registrations close; this exchange is ${row.status}.`);
      await this.exchanges.transition(manager, row.id, [ExchangeStatus.OPEN], ExchangeStatus.CLOSED);
      return null;
    });
  }

  /** OPEN or CLOSED → COMPLETED, once it has ended. */
  complete(input: PeerExchangeInput, context: RequestContext): Promise<Outcome<ExchangeRow>> {
    return this.step(input.exchangeId, context, ExchangeChange.STATUS, async (manager, { row, ended }) => {
      if (row.status !== ExchangeStatus.OPEN && row.status !== ExchangeStatus.CLOSED) {
        return row.status === ExchangeStatus.DRAFT ? invalid('A draft never took place: cancel it instead.') : over(row.status);
      }
      if (!ended) return invalid('An exchange is completed once it has ended.');
      await this.exchanges.transition(manager, row.id, [ExchangeStatus.OPEN, ExchangeStatus.CLOSED], ExchangeStatus.COMPLETED);
      return null;
    });
  }

  /** Any but a completed exchange → CANCELLED, with a reason told to everyone registered or waitlisted. */
  async cancel(input: CancelPeerExchangeInput, context: RequestContext): Promise<Outcome<ExchangeRow>> {
    const reason = input.reason.trim();
    const errors = await validateInput(CancelPeerExchangeInput, { ...input, reason });
    return this.step(
      input.exchangeId,
      context,
      ExchangeChange.STATUS,
      async (manager, { row }, actorId) => {
        if (!LIVE.includes(row.status)) return over(row.status);
        await this.exchanges.transition(manager, row.id, [...LIVE], ExchangeStatus.CANCELLED, reason);
        const [now] = await this.exchanges.findByIds([row.id], manager);
        if (now) await this.notifier.cancelled(manager, now, await this.registrations.activeRegistrants(manager, row.id), actorId, reason);
        return null;
      },
      errors,
    );
  }

  /**
   * A new capacity. Raised, the first waitlisted take the new seats in
   * arrival order, in the same transaction, and are told; lowered, nobody
   * registered loses a seat: only promotion stops until seats free up.
   */
  async setCapacity(input: SetExchangeCapacityInput, context: RequestContext): Promise<Outcome<ExchangeRow>> {
    const errors = await validateInput(SetExchangeCapacityInput, input);
    return this.step(
      input.exchangeId,
      context,
      ExchangeChange.SEATS,
      async (manager, { row }) => {
        if (!LIVE.includes(row.status)) return over(row.status);
        await this.exchanges.setCapacity(manager, row.id, input.capacity);
        const promoted = await this.registrations.promote(manager, row.id);
        if (promoted.length > 0) await this.notifier.promoted(manager, row, promoted);
        return null;
      },
      errors,
    );
  }

  /**
   * The shared frame: the viewer manages the exchange (else FORBIDDEN; unknown
   * or unreadable, NOT_FOUND), the input is valid, then `work` runs under the
   * row lock with its outbox record and live event; a user error rolls it all back.
   */
  private async step(globalId: string, context: RequestContext, change: ExchangeChange, work: Step, errors: UserError[] = []): Promise<Outcome<ExchangeRow>> {
    const viewer = await context.requireViewer();
    const { exchange, principals } = await this.access.readable(context, globalId, ['input', 'exchangeId']);
    if (!canManage(principals, exchange)) throw new ForbiddenError('Only those who run this exchange manage it.');
    if (errors.length > 0) return refuse(...errors);
    const refused = await refusal(
      this.exchanges.transaction(async (manager) => {
        const locked = await this.exchanges.lock(manager, exchange.id);
        if (!locked) throw new Error('An exchange vanished under its managers');
        const error = await work(manager, locked, viewer.userId);
        if (error) throw new Refused(error);
        await this.outbox.record(manager, { kind: 'PeerExchange', subjectId: exchange.id, change: OutboxChange.EDITED });
        await this.pubsub.publish(exchangeEvent(exchange.id, change), manager);
        return null;
      }),
    );
    if (refused) return refuse(refused);
    return succeed(await context.loaders.reload(this.loaders.byId, exchange.id));
  }
}

const invalid = (message: string) => UserError.of(UserErrorCode.INVALID_STATE, message, ['input', 'exchangeId']);
