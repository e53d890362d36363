import { Injectable } from '@nestjs/common';
import { ForbiddenError, UserError, UserErrorCode, refuse, succeed, validateInput, type Outcome, type RequestContext } from '@bottega/core';
import { GiveFeedbackInput } from './dto/exchange-feedback.inputs';
import type { PeerExchangeInput } from './dto/exchange.inputs';
import { ExchangeAccess } from './exchange.access';
import { ExchangeStatus, RegistrationStatus } from './exchange.enums';
import { Refused, refusal } from './exchange.errors';
import { ExchangeLoaders, registrationKey } from './exchange.loaders';
import { canManage } from './exchange.policy';
import { ExchangeRepository, type ExchangeRow, type LockedExchange } from './exchange.repository';
import { RegistrationRepository } from './registration.repository';
import { ExchangeFeedbackRepository, type FeedbackRow } from './exchange-feedback.repository';
import { ExchangeOutcomeLoaders } from './exchange-outcome.loaders';
import { feedbackOpen, tookPlace } from './exchange-outcome.policy';

export interface FeedbackOutcome {
  feedback: FeedbackRow;
  exchange: ExchangeRow;
}

type Work = (manager: Parameters<Parameters<ExchangeRepository['transaction']>[0]>[0], locked: LockedExchange, closedAt: Date | null) => Promise<UserError | null>;

/**
 * Feedback from those who attended: a rating and a comment, once each (given
 * again, it is edited), until feedback closes, when the managers close it or
 * {@link FEEDBACK_DAYS} after the end. Under the exchange's row lock, so it
 * never crosses attendance being corrected or feedback being closed.
 */
@Injectable()
export class ExchangeFeedbackService {
  constructor(
    private readonly exchanges: ExchangeRepository,
    private readonly registrations: RegistrationRepository,
    private readonly feedback: ExchangeFeedbackRepository,
    private readonly access: ExchangeAccess,
    private readonly loaders: ExchangeLoaders,
    private readonly outcomeLoaders: ExchangeOutcomeLoaders,
  ) {}

  async give(input: GiveFeedbackInput, context: RequestContext): Promise<Outcome<FeedbackOutcome>> {
    const viewer = await context.requireViewer();
    const { exchange } = await this.access.readable(context, input.exchangeId, ['input', 'exchangeId']);
    const comment = input.comment?.trim() || null;
    const errors = await validateInput(GiveFeedbackInput, { ...input, comment });
    if (errors.length > 0) return refuse(...errors);
    const refused = await this.locked(exchange.id, async (manager, { row }, closedAt) => {
      const registration = await this.registrations.registrationOf(manager, exchange.id, viewer.userId);
      if (registration?.status !== RegistrationStatus.ATTENDED) {
        return invalid(
          registration?.status === RegistrationStatus.NO_SHOW ? 'You were recorded as absent: only those who attended give feedback.' : 'Only those who attended give feedback.',
        );
      }
      if (!feedbackOpen({ ...row, feedbackClosedAt: closedAt }, new Date())) return invalid('Feedback on this exchange is closed.');
      await this.feedback.upsert(manager, exchange.id, viewer.userId, input.rating, comment);
      return null;
    });
    if (refused) return refuse(refused);
    this.forget(context, exchange.id);
    const feedback = await context.loaders.reload(this.outcomeLoaders.feedback, registrationKey(exchange.id, viewer.userId));
    return succeed({ feedback, exchange: await context.loaders.reload(this.loaders.byId, exchange.id) });
  }

  /** Closes feedback before its time, once the exchange took place. */
  async close(input: PeerExchangeInput, context: RequestContext): Promise<Outcome<ExchangeRow>> {
    await context.requireViewer();
    const { exchange, principals } = await this.access.readable(context, input.exchangeId, ['input', 'exchangeId']);
    if (!canManage(principals, exchange)) throw new ForbiddenError('Only those who run this exchange close its feedback.');
    const refused = await this.locked(exchange.id, async (manager, { row }, closedAt) => {
      if (row.status === ExchangeStatus.CANCELLED || !tookPlace({ ...row, feedbackClosedAt: closedAt }, new Date())) {
        return invalid('Feedback is taken once the exchange has taken place.');
      }
      if (!feedbackOpen({ ...row, feedbackClosedAt: closedAt }, new Date()) || !(await this.feedback.close(manager, exchange.id))) {
        return invalid('Feedback on this exchange is already closed.');
      }
      return null;
    });
    if (refused) return refuse(refused);
    this.forget(context, exchange.id);
    return succeed(await context.loaders.reload(this.loaders.byId, exchange.id));
  }

  private async locked(exchangeId: string, work: Work): Promise<UserError | null> {
    return refusal(
      this.exchanges.transaction(async (manager) => {
        const locked = await this.exchanges.lock(manager, exchangeId);
        if (!locked) throw new Error('An exchange vanished under its feedback');
        const error = await work(manager, locked, await this.feedback.closedAt(manager, exchangeId));
        if (error) throw new Refused(error);
        return null;
      }),
    );
  }

  private forget(context: RequestContext, exchangeId: string): void {
    context.loaders.get(this.outcomeLoaders.feedbackSummary).clear(exchangeId);
  }
}

const invalid = (message: string) => UserError.of(UserErrorCode.INVALID_STATE, message, ['input', 'exchangeId']);
