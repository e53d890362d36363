import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys } from '@bottega/core';
import { registrationKey, registrationPairs } from './exchange.loaders';
import { ExchangeFeedbackRepository, type FeedbackRow, type FeedbackSummaryRow } from './exchange-feedback.repository';
import { ExchangeOutcomeRepository, type OutcomeRow } from './exchange-outcome.repository';

/** What a page of exchanges shows of their aftermath: outcomes, feedback in aggregate, the viewer's own feedback. */
@Injectable()
export class ExchangeOutcomeLoaders {
  /** An exchange's outcomes, by exchange id; null before they are recorded. */
  readonly outcomes: LoaderFactory<string, OutcomeRow | null>;
  /** An exchange's feedback in aggregate, with when it was closed, by exchange id. */
  readonly feedbackSummary: LoaderFactory<string, FeedbackSummaryRow | null>;
  /** One person's feedback on one exchange, by `registrationKey(exchangeId, userId)`. */
  readonly feedback: LoaderFactory<string, FeedbackRow | null>;

  constructor(outcomes: ExchangeOutcomeRepository, feedback: ExchangeFeedbackRepository) {
    this.outcomes = new LoaderFactory(async (ids) => byKeys(ids, await outcomes.findByExchangeIds(ids), (o) => o.exchangeId));
    this.feedbackSummary = new LoaderFactory(async (ids) => byKeys(ids, await feedback.summaries(ids), (s) => s.exchangeId));
    this.feedback = new LoaderFactory(async (keys) => {
      return byKeys(keys, await feedback.byPairs(registrationPairs(keys)), (f) => registrationKey(f.exchangeId, f.userId));
    });
  }
}
