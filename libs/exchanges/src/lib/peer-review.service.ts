import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AccessDirectory,
  ForbiddenError,
  NodeRegistry,
  NotFoundError,
  UserError,
  UserErrorCode,
  fromGlobalId,
  refuse,
  succeed,
  validateInput,
  type Outcome,
  type Principals,
  type RequestContext,
} from '@bottega/core';
import { UserLoaders } from '@bottega/identity';
import { POST_LINKS, renderPostMarkdown } from '@bottega/markdown';
import {
  AddReviewRecommendationInput,
  AnswerPeerReviewInput,
  EditReviewRecommendationInput,
  InvitePeerReviewersInput,
  REVIEW_QUESTION_LENGTH,
  RespondToReviewInvitationInput,
} from './dto/peer-review.inputs';
import { ExchangeAccess } from './exchange.access';
import { EXCHANGE_AUDIENCE, exchangeFacts } from './exchange.audience';
import { ExchangeFormat, ExchangeStatus } from './exchange.enums';
import { Refused, over } from './exchange.errors';
import { canManage } from './exchange.policy';
import { ExchangeRepository, type ExchangeRow } from './exchange.repository';
import { ReviewInvitationAnswer, ReviewInvitationStatus } from './peer-review.enums';
import { PeerReviewLoaders } from './peer-review.loaders';
import { PeerReviewInvitation, ReviewRecommendation } from './peer-review.model';
import { PeerReviewNotifier } from './peer-review.notifier';
import { PeerReviewRepository, type PeerReviewRow, type RecommendationRow, type ReviewInvitationRow } from './peer-review.repository';

const EXCHANGE_FIELD = ['input', 'exchangeId'];
const invalid = (message: string, field = EXCHANGE_FIELD) => UserError.of(UserErrorCode.INVALID_STATE, message, field);
const render = (source: string) => ({ source, html: renderPostMarkdown(source, POST_LINKS).html });

/** Whether the exchange has taken place (or is taking place to its end): not a draft, not cancelled, ended. */
const tookPlace = (exchange: Pick<ExchangeRow, 'status'>, ended: boolean) =>
  ended && exchange.status !== ExchangeStatus.DRAFT && exchange.status !== ExchangeStatus.CANCELLED;

/** Who answers the peers: those who run the exchange and its hosts. */
export const canAnswerReview = (principals: Principals, exchange: ExchangeRow): boolean =>
  canManage(principals, exchange) || (principals.userId !== null && exchange.hostIds.includes(principals.userId));

/**
 * Why a review question may not be set, or null: only PEER_REVIEW exchanges
 * have one, of 10 to 2000 characters.
 */
export function reviewQuestionRefusal(format: ExchangeFormat, question: string): UserError | null {
  const field = ['input', 'reviewQuestion'];
  if (format !== ExchangeFormat.PEER_REVIEW) return UserError.of(UserErrorCode.INVALID, 'Only a peer review has a review question.', field);
  if (question.length < REVIEW_QUESTION_LENGTH.min || question.length > REVIEW_QUESTION_LENGTH.max) {
    return UserError.of(UserErrorCode.OUT_OF_RANGE, `A review question has ${REVIEW_QUESTION_LENGTH.min} to ${REVIEW_QUESTION_LENGTH.max} characters.`, field);
  }
  return null;
}

/**
 * Peer reviews: the coordinator invites peers, who accept or decline; after
 * the exchange, those who accepted write recommendations (each editable by its
 * author until the host answers) and the host answers them with an action plan.
 * Accepted reviewers take part outside the exchange's capacity: they hold no
 * registration and take no seat from those who register.
 */
@Injectable()
export class PeerReviewService implements OnModuleInit {
  constructor(
    private readonly reviews: PeerReviewRepository,
    private readonly exchanges: ExchangeRepository,
    private readonly access: ExchangeAccess,
    private readonly loaders: PeerReviewLoaders,
    private readonly directory: AccessDirectory,
    private readonly users: UserLoaders,
    private readonly notifier: PeerReviewNotifier,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    // An invitation is seen by its invitee and those who run the exchange; a recommendation by those who read the review.
    this.nodes.register('PeerReviewInvitation', PeerReviewInvitation, (ids, context) =>
      Promise.all(ids.map(async (id) => this.invitationFor(context, id).then((found) => found && PeerReviewInvitation.from(found.invitation)))),
    );
    this.nodes.register('ReviewRecommendation', ReviewRecommendation, (ids, context) =>
      Promise.all(ids.map(async (id) => this.recommendationFor(context, id).then((found) => found && ReviewRecommendation.from(found.recommendation)))),
    );
  }

  /** The review of a PEER_REVIEW exchange, when the viewer reads it: those who run it, its hosts, its reviewers. */
  async reviewFor(context: RequestContext, exchange: ExchangeRow): Promise<PeerReviewRow | null> {
    if (exchange.format !== ExchangeFormat.PEER_REVIEW) return null;
    const review = await context.loaders.get(this.loaders.reviewByExchange).load(exchange.id);
    return review && (await this.readsReview(context, exchange)) ? review : null;
  }

  async readsReview(context: RequestContext, exchange: ExchangeRow): Promise<boolean> {
    const principals = await this.directory.of(context);
    if (canAnswerReview(principals, exchange)) return true;
    return (await this.invitationOfViewer(context, exchange))?.status === ReviewInvitationStatus.ACCEPTED;
  }

  async invitationOfViewer(context: RequestContext, exchange: ExchangeRow): Promise<ReviewInvitationRow | null> {
    const viewer = await context.viewer();
    if (!viewer || exchange.format !== ExchangeFormat.PEER_REVIEW) return null;
    const invitations = await context.loaders.get(this.loaders.invitationsByExchange).load(exchange.id);
    return invitations.find((invitation) => invitation.userId === viewer.userId) ?? null;
  }

  /** The invitation with its exchange, for its invitee and those who run the exchange; null otherwise. */
  async invitationFor(context: RequestContext, id: string): Promise<{ invitation: ReviewInvitationRow; exchange: ExchangeRow; principals: Principals } | null> {
    const invitation = await context.loaders.get(this.loaders.invitationById).load(id);
    const found = invitation && (await this.access.load(context, invitation.exchangeId));
    if (!invitation || !found) return null;
    return found.principals.userId === invitation.userId || canManage(found.principals, found.exchange) ? { invitation, ...found } : null;
  }

  /** The recommendation with its exchange, for those who read the review; null otherwise. */
  async recommendationFor(context: RequestContext, id: string): Promise<{ recommendation: RecommendationRow; exchange: ExchangeRow; principals: Principals } | null> {
    const recommendation = await context.loaders.get(this.loaders.recommendationById).load(id);
    const found = recommendation && (await this.access.load(context, recommendation.exchangeId));
    if (!recommendation || !found || !(await this.readsReview(context, found.exchange))) return null;
    return { recommendation, ...found };
  }

  /** Invites peers to review, each once; the exchange is a PEER_REVIEW, open or closed, not yet ended. Those who run it. */
  async invite(input: InvitePeerReviewersInput, context: RequestContext): Promise<Outcome<ReviewInvitationRow[]>> {
    const viewer = await context.requireViewer();
    const { exchange, principals } = await this.access.readable(context, input.exchangeId, EXCHANGE_FIELD);
    if (!canManage(principals, exchange)) throw new ForbiddenError('Only those who run this exchange invite its reviewers.');
    const errors = await validateInput(InvitePeerReviewersInput, input);
    if (errors.length > 0) return refuse(...errors);
    const userIds = input.userIds.map((globalId, index) => fromGlobalId(globalId, 'User', ['input', 'userIds', String(index)]));
    const found = await context.loaders.get(this.users.byId).loadMany(userIds);
    const unknown = found.findIndex((user) => !user || user instanceof Error);
    if (unknown >= 0) throw new NotFoundError('User', input.userIds[unknown]);
    const refusal = this.invitable(exchange);
    if (refusal) return refuse(refusal);
    const field = (index: number) => ['input', 'userIds', String(index)];
    const twice = userIds.findIndex((id, index) => userIds.indexOf(id) !== index);
    if (twice >= 0) return refuse(UserError.of(UserErrorCode.INVALID, 'Name each person once.', field(twice)));
    const host = userIds.findIndex((id) => exchange.hostIds.includes(id));
    if (host >= 0) return refuse(UserError.of(UserErrorCode.INVALID, 'The hosts are reviewed; invite peers from elsewhere.', field(host)));
    return this.write(async (manager) => {
      const locked = await this.exchanges.lock(manager, exchange.id);
      if (!locked) throw new Error('An exchange vanished under its managers');
      const late = this.invitable(locked.row) ?? (locked.ended ? invalid('This exchange has ended: its reviewers were invited before.') : null);
      if (late) throw new Refused(late);
      const readers = await this.directory.readersAmong(manager, EXCHANGE_AUDIENCE, exchangeFacts(locked.row), userIds);
      const outsider = userIds.findIndex((id) => !readers.includes(id));
      if (outsider >= 0) throw new Refused(UserError.of(UserErrorCode.INVALID, 'This person cannot read this exchange (it is in a private community).', field(outsider)));
      const written = await this.reviews.invite(manager, exchange.id, userIds, viewer.userId);
      if (written.length < userIds.length) {
        const already = userIds.findIndex((id) => !written.some((row) => row.userId === id));
        throw new Refused(UserError.of(UserErrorCode.INVALID_STATE, 'This person is invited already.', field(already)));
      }
      await this.notifier.invited(manager, locked.row, written, viewer.userId);
      return userIds.flatMap((id) => written.filter((row) => row.userId === id));
    });
  }

  /** The invitee accepts or declines, once, while the exchange is open or closed and not ended; the inviter is told. */
  async respond(input: RespondToReviewInvitationInput, context: RequestContext): Promise<Outcome<ReviewInvitationRow>> {
    const viewer = await context.requireViewer();
    const field = ['input', 'invitationId'];
    const id = fromGlobalId(input.invitationId, 'PeerReviewInvitation', field);
    const found = await this.invitationFor(context, id);
    if (!found) throw new NotFoundError('PeerReviewInvitation', input.invitationId);
    if (found.invitation.userId !== viewer.userId) throw new ForbiddenError('Only the person invited answers an invitation.');
    const status = input.answer === ReviewInvitationAnswer.ACCEPT ? ReviewInvitationStatus.ACCEPTED : ReviewInvitationStatus.DECLINED;
    return this.write(async (manager) => {
      const locked = await this.exchanges.lock(manager, found.exchange.id);
      if (!locked) throw new Error('An exchange vanished under an invitation');
      const { row } = locked;
      if (row.status !== ExchangeStatus.OPEN && row.status !== ExchangeStatus.CLOSED) throw new Refused(row.status === ExchangeStatus.DRAFT ? invalid('This exchange is not open.', field) : over(row.status));
      if (locked.ended) throw new Refused(invalid('This exchange has ended.', field));
      const answered = await this.reviews.respond(manager, id, status);
      if (!answered) throw new Refused(invalid('You answered this invitation already.', field));
      await this.notifier.answered(manager, row, answered);
      return answered;
    });
  }

  /** An accepted reviewer's recommendation, once the exchange took place and until the host answered. */
  async recommend(input: AddReviewRecommendationInput, context: RequestContext): Promise<Outcome<RecommendationRow>> {
    const viewer = await context.requireViewer();
    const { exchange } = await this.access.readable(context, input.exchangeId, EXCHANGE_FIELD);
    const invitation = await this.invitationOfViewer(context, exchange);
    if (invitation?.status !== ReviewInvitationStatus.ACCEPTED) throw new ForbiddenError('Only the peers who accepted to review this exchange recommend.');
    const text = input.text.trim();
    const errors = await validateInput(AddReviewRecommendationInput, { ...input, text });
    if (errors.length > 0) return refuse(...errors);
    return this.write(async (manager) => {
      await this.recommendable(manager, exchange.id);
      const id = await this.reviews.addRecommendation(manager, exchange.id, viewer.userId, render(text));
      return this.written(manager, id);
    });
  }

  /** The author edits a recommendation until the host answered. */
  async editRecommendation(input: EditReviewRecommendationInput, context: RequestContext): Promise<Outcome<RecommendationRow>> {
    const viewer = await context.requireViewer();
    const id = fromGlobalId(input.recommendationId, 'ReviewRecommendation', ['input', 'recommendationId']);
    const found = await this.recommendationFor(context, id);
    if (!found) throw new NotFoundError('ReviewRecommendation', input.recommendationId);
    if (found.recommendation.authorId !== viewer.userId) throw new ForbiddenError('Only its author edits a recommendation.');
    const text = input.text.trim();
    const errors = await validateInput(EditReviewRecommendationInput, { ...input, text });
    if (errors.length > 0) return refuse(...errors);
    return this.write(async (manager) => {
      await this.recommendable(manager, found.exchange.id, ['input', 'recommendationId']);
      await this.reviews.editRecommendation(manager, id, render(text));
      return this.written(manager, id);
    });
  }

  /**
   * The host's answer: an action plan and a response to every recommendation,
   * once, after the exchange took place; the reviewers are told.
   */
  async answer(input: AnswerPeerReviewInput, context: RequestContext): Promise<Outcome<PeerReviewRow>> {
    const viewer = await context.requireViewer();
    const { exchange, principals } = await this.access.readable(context, input.exchangeId, EXCHANGE_FIELD);
    if (!canAnswerReview(principals, exchange)) throw new ForbiddenError('Only the hosts and those who run this exchange answer its review.');
    const actionPlan = input.actionPlan.trim();
    const responses = input.responses.map((response, index) => ({
      recommendationId: fromGlobalId(response.recommendationId, 'ReviewRecommendation', ['input', 'responses', String(index), 'recommendationId']),
      response: response.response,
      note: response.note?.trim() || null,
    }));
    const errors = await validateInput(AnswerPeerReviewInput, { ...input, actionPlan });
    if (errors.length > 0) return refuse(...errors);
    if (exchange.format !== ExchangeFormat.PEER_REVIEW) return refuse(invalid('This exchange is not a peer review.'));
    return this.write(async (manager) => {
      const locked = await this.reviews.lock(manager, exchange.id);
      const [now] = await this.exchanges.findByIds([exchange.id], manager);
      if (!now || !locked.review) throw new Refused(invalid('This exchange has no review question.'));
      if (!tookPlace(now, locked.ended)) throw new Refused(invalid('A review is answered after the exchange took place.'));
      if (locked.review.answeredAt) throw new Refused(invalid('This review was answered already.'));
      const recommendations = await this.reviews.recommendationsOf([exchange.id], manager);
      if (recommendations.length === 0) throw new Refused(invalid('No reviewer has recommended anything yet.'));
      const refusal = responsesRefusal(responses, recommendations);
      if (refusal) throw new Refused(refusal);
      await this.reviews.answer(manager, exchange.id, viewer.userId, render(actionPlan), responses);
      await this.notifier.actionPlan(manager, now, await this.reviews.reviewerIds(manager, exchange.id), viewer.userId);
      const review = await this.reviews.reviewOf(manager, exchange.id);
      if (!review) throw new Error('A review vanished while it was answered');
      return review;
    });
  }

  /** Why reviewers may not be invited now, or null. */
  private invitable(exchange: ExchangeRow): UserError | null {
    if (exchange.format !== ExchangeFormat.PEER_REVIEW) return invalid('Only a peer review has reviewers.');
    if (exchange.status === ExchangeStatus.DRAFT) return invalid('Open the exchange’s registrations before inviting reviewers.');
    if (exchange.status !== ExchangeStatus.OPEN && exchange.status !== ExchangeStatus.CLOSED) return over(exchange.status);
    return null;
  }

  /** Under the review's lock: the exchange took place and the host has not answered. */
  private async recommendable(manager: EntityManager, exchangeId: string, field = EXCHANGE_FIELD): Promise<void> {
    const locked = await this.reviews.lock(manager, exchangeId);
    const [exchange] = await this.exchanges.findByIds([exchangeId], manager);
    if (!exchange || exchange.format !== ExchangeFormat.PEER_REVIEW) throw new Refused(invalid('This exchange is not a peer review.', field));
    if (!tookPlace(exchange, locked.ended)) throw new Refused(invalid('Recommendations are written after the exchange took place.', field));
    if (!locked.review) throw new Refused(invalid('This exchange has no review question.', field));
    if (locked.review.answeredAt) throw new Refused(invalid('The host has answered: recommendations no longer change.', field));
  }

  private async written(manager: EntityManager, id: string): Promise<RecommendationRow> {
    const [row] = await this.reviews.recommendationsByIds([id], manager);
    if (!row) throw new Error('A recommendation vanished after it was written');
    return row;
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<Outcome<T>> {
    try {
      return succeed(await this.reviews.transaction(work));
    } catch (error) {
      if (error instanceof Refused) return refuse(error.userError);
      throw error;
    }
  }
}

/** Every recommendation answered exactly once, and nothing else. */
function responsesRefusal(responses: { recommendationId: string }[], recommendations: RecommendationRow[]): UserError | null {
  const ids = new Set(recommendations.map((row) => row.id));
  for (const [index, response] of responses.entries()) {
    const field = ['input', 'responses', String(index), 'recommendationId'];
    if (!ids.has(response.recommendationId)) return UserError.of(UserErrorCode.INVALID, 'This is not a recommendation of this review.', field);
    if (responses.findIndex((other) => other.recommendationId === response.recommendationId) !== index) {
      return UserError.of(UserErrorCode.INVALID, 'Answer each recommendation once.', field);
    }
  }
  if (responses.length < ids.size) return UserError.of(UserErrorCode.REQUIRED, 'Answer every recommendation.', ['input', 'responses']);
  return null;
}
