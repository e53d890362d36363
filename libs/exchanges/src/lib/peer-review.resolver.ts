import { Args, Context, Info, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ModuleRef } from '@nestjs/core';
import type { OnModuleInit } from '@nestjs/common';
import type { GraphQLResolveInfo } from 'graphql';
import { AccessDirectory, BadInputError, LazyCount, toGlobalId, type ConnectionValue, type Outcome, type RequestContext } from '@bottega/core';
import { PeerSuggestion, PeerSuggestionConnection, PeerSuggestions } from '@bottega/competences';
import { User, UserLoaders } from '@bottega/identity';
import {
  AddReviewRecommendationInput,
  AnswerPeerReviewInput,
  EditReviewRecommendationInput,
  InvitePeerReviewersInput,
  RespondToReviewInvitationInput,
} from './dto/peer-review.inputs';
import { ExchangeAccess } from './exchange.access';
import { ExchangeFormat } from './exchange.enums';
import { PeerExchange } from './exchange.model';
import { canManage } from './exchange.policy';
import { ReviewInvitationStatus } from './peer-review.enums';
import { PeerReviewLoaders } from './peer-review.loaders';
import {
  PeerReview,
  PeerReviewInvitation,
  PeerReviewInvitationPayload,
  PeerReviewInvitationsPayload,
  PeerReviewPayload,
  ReviewRecommendation,
  ReviewRecommendationPayload,
} from './peer-review.model';
import type { RecommendationRow } from './peer-review.repository';
import { PeerReviewService, canAnswerReview } from './peer-review.service';

/** At most this many suggestions are asked of the ranking at once. */
const SUGGESTIONS_MAX = 50;
/** The ranking reads at most this much of the question. */
const NEED_TEXT_MAX = 500;

@Resolver(() => PeerExchange)
export class PeerReviewExchangeResolver implements OnModuleInit {
  private suggestions!: PeerSuggestions;

  constructor(
    private readonly service: PeerReviewService,
    private readonly loaders: PeerReviewLoaders,
    private readonly directory: AccessDirectory,
    private readonly access: ExchangeAccess,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    // The competences library's ranking, from the application's container (that module is configured once, by the app).
    this.suggestions = this.moduleRef.get(PeerSuggestions, { strict: false });
  }

  @ResolveField(() => String, { nullable: true, description: 'A peer review’s question: what the host asks the peers to examine.' })
  async reviewQuestion(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<string | null> {
    if (exchange.format !== ExchangeFormat.PEER_REVIEW) return null;
    return (await context.loaders.get(this.loaders.reviewByExchange).load(exchange.dbId))?.question ?? null;
  }

  @ResolveField(() => PeerReview, {
    nullable: true,
    description: 'A peer review’s recommendations and action plan; for those who run it, its hosts and the peers who accepted to review.',
  })
  async peerReview(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<PeerReview | null> {
    const review = await this.service.reviewFor(context, exchange.row);
    return review && PeerReview.from(review, exchange);
  }

  @ResolveField(() => [PeerReviewInvitation], { description: 'The peers invited to review: all of them for those who run it, the viewer’s own for anyone else.' })
  async reviewInvitations(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<PeerReviewInvitation[]> {
    if (exchange.format !== ExchangeFormat.PEER_REVIEW) return [];
    const principals = await this.directory.of(context);
    if (principals.userId === null) return [];
    const invitations = await context.loaders.get(this.loaders.invitationsByExchange).load(exchange.dbId);
    const all = canManage(principals, exchange.row);
    return invitations.filter((row) => all || row.userId === principals.userId).map(PeerReviewInvitation.from);
  }

  @ResolveField(() => PeerReviewInvitation, { nullable: true, description: 'The viewer’s own invitation to review it, if any.' })
  async viewerReviewInvitation(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<PeerReviewInvitation | null> {
    const invitation = await this.service.invitationOfViewer(context, exchange.row);
    return invitation && PeerReviewInvitation.from(invitation);
  }

  @ResolveField(() => PeerSuggestionConnection, {
    nullable: true,
    description:
      'People who could review a peer review, best first, as `suggestPeers` ranks them for its question and target skills, from other territories; ' +
      'those already invited and its hosts aside. Null unless the viewer runs it.',
  })
  async suggestedReviewers(
    @Parent() exchange: PeerExchange,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first: number,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<PeerSuggestion> | null> {
    if (exchange.format !== ExchangeFormat.PEER_REVIEW || !canManage(await this.directory.of(context), exchange.row)) return null;
    if (first < 0 || first > SUGGESTIONS_MAX) throw new BadInputError(`\`first\` must be between 0 and ${SUGGESTIONS_MAX}.`, ['first']);
    const review = await context.loaders.get(this.loaders.reviewByExchange).load(exchange.dbId);
    const invitations = await context.loaders.get(this.loaders.invitationsByExchange).load(exchange.dbId);
    const aside = new Set([...exchange.row.hostIds, ...invitations.map((row) => row.userId)]);
    const need = {
      text: review?.question.slice(0, NEED_TEXT_MAX) ?? null,
      skillIds: exchange.row.skillIds.map((id) => toGlobalId('Skill', id)),
      territoryId: toGlobalId('Territory', exchange.row.hostTerritoryId),
      preferOtherTerritories: true,
    };
    let page: ConnectionValue<PeerSuggestion>;
    try {
      page = await this.suggestions.suggestPeers({ need, first: Math.min(first + aside.size, 100) }, context, info);
    } catch (error) {
      // A question that names no skill, with no target skills, suggests nobody.
      if (error instanceof BadInputError && !need.skillIds.length) return { edges: [], nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: new LazyCount(async () => 0) };
      throw error;
    }
    const edges = page.edges.filter((edge) => !aside.has(edge.node.row.userId)).slice(0, first);
    return { ...page, edges, nodes: edges.map((edge) => edge.node) };
  }

  @Mutation(() => PeerReviewInvitationsPayload, {
    nullable: true,
    description: 'Invites peers to review a PEER_REVIEW exchange (open or closed, not ended), each once; they are told. Those who run it.',
  })
  async invitePeerReviewers(@Args('input') input: InvitePeerReviewersInput, @Context() context: RequestContext): Promise<PeerReviewInvitationsPayload> {
    const outcome = await this.service.invite(input, context);
    return outcome.ok ? { invitations: outcome.value.map(PeerReviewInvitation.from), userErrors: [] } : { invitations: null, userErrors: outcome.errors };
  }

  @Mutation(() => PeerReviewInvitationPayload, {
    nullable: true,
    description: 'The invited peer accepts (and takes part, outside the capacity) or declines, once; whoever invited them is told.',
  })
  async respondToReviewInvitation(@Args('input') input: RespondToReviewInvitationInput, @Context() context: RequestContext): Promise<PeerReviewInvitationPayload> {
    const outcome = await this.service.respond(input, context);
    return outcome.ok ? { invitation: PeerReviewInvitation.from(outcome.value), userErrors: [] } : { invitation: null, userErrors: outcome.errors };
  }

  @Mutation(() => ReviewRecommendationPayload, {
    nullable: true,
    description: 'A reviewer’s recommendation, after the exchange took place and until the host answers. Peers who accepted to review.',
  })
  async addReviewRecommendation(@Args('input') input: AddReviewRecommendationInput, @Context() context: RequestContext): Promise<ReviewRecommendationPayload> {
    return recommendationPayload(await this.service.recommend(input, context));
  }

  @Mutation(() => ReviewRecommendationPayload, { nullable: true, description: 'Its author edits a recommendation until the host answers.' })
  async editReviewRecommendation(@Args('input') input: EditReviewRecommendationInput, @Context() context: RequestContext): Promise<ReviewRecommendationPayload> {
    return recommendationPayload(await this.service.editRecommendation(input, context));
  }

  @Mutation(() => PeerReviewPayload, {
    nullable: true,
    description: 'The host answers the recommendations, each ACCEPTED, PARTLY or DECLINED, with an action plan, once; the reviewers are told.',
  })
  async answerPeerReview(@Args('input') input: AnswerPeerReviewInput, @Context() context: RequestContext): Promise<PeerReviewPayload> {
    const outcome = await this.service.answer(input, context);
    if (!outcome.ok) return { peerReview: null, userErrors: outcome.errors };
    const found = await this.access.reload(context, outcome.value.exchangeId);
    return { peerReview: found && PeerReview.from(outcome.value, PeerExchange.from(found.exchange)), userErrors: [] };
  }
}

function recommendationPayload(outcome: Outcome<RecommendationRow>): ReviewRecommendationPayload {
  return outcome.ok ? { recommendation: ReviewRecommendation.from(outcome.value), userErrors: [] } : { recommendation: null, userErrors: outcome.errors };
}

@Resolver(() => PeerReview)
export class PeerReviewResolver {
  constructor(
    private readonly loaders: PeerReviewLoaders,
    private readonly directory: AccessDirectory,
    private readonly users: UserLoaders,
  ) {}

  @ResolveField(() => [ReviewRecommendation], { description: 'Oldest first.' })
  async recommendations(review: PeerReview, _args: unknown, context: RequestContext): Promise<ReviewRecommendation[]> {
    return (await context.loaders.get(this.loaders.recommendationsByExchange).load(review.row.exchangeId)).map(ReviewRecommendation.from);
  }

  @ResolveField(() => [User], { description: 'The peers who accepted to review.' })
  async reviewers(review: PeerReview, _args: unknown, context: RequestContext): Promise<User[]> {
    const invitations = await context.loaders.get(this.loaders.invitationsByExchange).load(review.row.exchangeId);
    const ids = invitations.filter((row) => row.status === ReviewInvitationStatus.ACCEPTED).map((row) => row.userId);
    const users = await context.loaders.get(this.users.byId).loadMany(ids);
    return users.flatMap((user) => (user && !(user instanceof Error) ? [User.from(user)] : []));
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer answers it (a host or one who runs it) and it awaits an answer.' })
  async viewerCanAnswer(review: PeerReview, _args: unknown, context: RequestContext): Promise<boolean> {
    return review.answeredAt === null && canAnswerReview(await this.directory.of(context), review.exchange.row);
  }
}

@Resolver(() => PeerReviewInvitation)
export class PeerReviewInvitationResolver {
  constructor(
    private readonly users: UserLoaders,
    private readonly access: ExchangeAccess,
  ) {}

  @ResolveField(() => User, { nullable: true, description: 'The peer invited; null when the account was removed.' })
  async user(invitation: PeerReviewInvitation, _args: unknown, context: RequestContext): Promise<User | null> {
    return this.users.user(context, invitation.row.userId);
  }

  @ResolveField(() => PeerExchange, { nullable: true })
  async peerExchange(invitation: PeerReviewInvitation, _args: unknown, context: RequestContext): Promise<PeerExchange | null> {
    const found = await this.access.load(context, invitation.row.exchangeId);
    return found && PeerExchange.from(found.exchange);
  }
}

@Resolver(() => ReviewRecommendation)
export class ReviewRecommendationResolver {
  constructor(
    private readonly users: UserLoaders,
    private readonly loaders: PeerReviewLoaders,
    private readonly directory: AccessDirectory,
  ) {}

  @ResolveField(() => User, { nullable: true, description: 'The reviewer who wrote it; null when the account was removed.' })
  async author(recommendation: ReviewRecommendation, _args: unknown, context: RequestContext): Promise<User | null> {
    return this.users.user(context, recommendation.row.authorId);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer wrote it and may still edit it (the host has not answered).' })
  async viewerCanEdit(recommendation: ReviewRecommendation, _args: unknown, context: RequestContext): Promise<boolean> {
    const principals = await this.directory.of(context);
    if (principals.userId !== recommendation.row.authorId) return false;
    const review = await context.loaders.get(this.loaders.reviewByExchange).load(recommendation.row.exchangeId);
    return review?.answeredAt == null;
  }
}
