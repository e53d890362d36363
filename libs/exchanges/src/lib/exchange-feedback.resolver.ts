import { Args, Context, Info, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AccessDirectory, paginate, type ConnectionValue, type RequestContext, type SortKey } from '@bottega/core';
import { User, UserLoaders } from '@bottega/identity';
import { ExchangeFeedbackArgs, GiveFeedbackInput } from './dto/exchange-feedback.inputs';
import { PeerExchangeInput } from './dto/exchange.inputs';
import { ExchangeLoaders, registrationKey } from './exchange.loaders';
import { PeerExchange, PeerExchangePayload } from './exchange.model';
import { canManage } from './exchange.policy';
import { payload } from './exchange.resolver';
import { ExchangeFeedback, ExchangeFeedbackConnection, ExchangeFeedbackPayload, ExchangeFeedbackSummary } from './exchange-feedback.model';
import { ExchangeFeedbackRepository, type FeedbackRow } from './exchange-feedback.repository';
import { ExchangeFeedbackService } from './exchange-feedback.service';
import { ExchangeOutcomeLoaders } from './exchange-outcome.loaders';
import { canGiveFeedback, feedbackClosesAt } from './exchange-outcome.policy';

/** Feedback in the order it was first given. */
const FEEDBACK_ORDER: SortKey<FeedbackRow>[] = [
  { expression: 'feedback.created_at', column: 'f.created_at', direction: 'ASC', value: (f) => f.createdAt.toISOString() },
  { expression: 'feedback.user_id', column: 'f.user_id', direction: 'ASC', value: (f) => f.userId },
];

@Resolver(() => PeerExchange)
export class ExchangeFeedbackResolver {
  constructor(
    private readonly service: ExchangeFeedbackService,
    private readonly repository: ExchangeFeedbackRepository,
    private readonly loaders: ExchangeOutcomeLoaders,
    private readonly exchangeLoaders: ExchangeLoaders,
    private readonly directory: AccessDirectory,
  ) {}

  @Mutation(() => ExchangeFeedbackPayload, {
    nullable: true,
    description: 'Rates an exchange the viewer attended (1-5) with an optional comment for its organisers; given again, it is edited, until feedback closes.',
  })
  async giveFeedback(@Args('input') input: GiveFeedbackInput, @Context() context: RequestContext): Promise<ExchangeFeedbackPayload> {
    const outcome = await this.service.give(input, context);
    return outcome.ok
      ? { feedback: ExchangeFeedback.from(outcome.value.feedback), peerExchange: PeerExchange.from(outcome.value.exchange), userErrors: [] }
      : { feedback: null, peerExchange: null, userErrors: outcome.errors };
  }

  @Mutation(() => PeerExchangePayload, { nullable: true, description: 'Closes feedback on an exchange that took place before its time. Those who run it.' })
  async closeFeedback(@Args('input') input: PeerExchangeInput, @Context() context: RequestContext): Promise<PeerExchangePayload> {
    return payload(await this.service.close(input, context));
  }

  @ResolveField(() => ExchangeFeedbackSummary, { description: 'Attendees’ ratings in aggregate.' })
  async feedbackSummary(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<ExchangeFeedbackSummary> {
    return ExchangeFeedbackSummary.from(await context.loaders.get(this.loaders.feedbackSummary).load(exchange.dbId));
  }

  @ResolveField(() => Date, { nullable: true, description: 'When feedback closes (or closed): 30 days after the end, or sooner when closed by those who run it.' })
  async feedbackClosesAt(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<Date | null> {
    const summary = await context.loaders.get(this.loaders.feedbackSummary).load(exchange.dbId);
    return feedbackClosesAt({ ...exchange.row, feedbackClosedAt: summary?.feedbackClosedAt ?? null });
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may give (or edit) feedback now: they attended and feedback is open.' })
  async viewerCanGiveFeedback(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<boolean> {
    const viewer = await context.viewer();
    if (!viewer) return false;
    const [principals, registration, summary] = await Promise.all([
      this.directory.of(context),
      context.loaders.get(this.exchangeLoaders.registration).load(registrationKey(exchange.dbId, viewer.userId)),
      context.loaders.get(this.loaders.feedbackSummary).load(exchange.dbId),
    ]);
    return canGiveFeedback(principals, { ...exchange.row, feedbackClosedAt: summary?.feedbackClosedAt ?? null }, registration, new Date());
  }

  @ResolveField(() => ExchangeFeedback, { nullable: true, description: 'The viewer’s own feedback, if they gave any.' })
  async viewerFeedback(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<ExchangeFeedback | null> {
    const viewer = await context.viewer();
    const row = viewer && (await context.loaders.get(this.loaders.feedback).load(registrationKey(exchange.dbId, viewer.userId)));
    return row ? ExchangeFeedback.from(row) : null;
  }

  @ResolveField(() => ExchangeFeedbackConnection, {
    description: 'Individual feedback with comments, in the order given: all of it for those who run the exchange, the viewer’s own for anyone else.',
  })
  async feedback(
    @Parent() exchange: PeerExchange,
    @Args() args: ExchangeFeedbackArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<ExchangeFeedback>> {
    const principals = await this.directory.of(context);
    const of = canManage(principals, exchange.row) ? 'all' : principals.userId;
    return paginate(this.repository.list(exchange.dbId, of), FEEDBACK_ORDER, args, ExchangeFeedback.from, info);
  }
}

@Resolver(() => ExchangeFeedback)
export class ExchangeFeedbackFieldResolver {
  constructor(private readonly users: UserLoaders) {}

  @ResolveField(() => User, { nullable: true, description: 'Who gave it; null when the account was removed.' })
  async user(feedback: ExchangeFeedback, _args: unknown, context: RequestContext): Promise<User | null> {
    return this.users.user(context, feedback.row.userId);
  }
}
