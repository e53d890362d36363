import { Field, ObjectType } from '@nestjs/graphql';
import { Node, UserError, toGlobalId } from '@bottega/core';
import { ExchangeDescription, PeerExchange } from './exchange.model';
import { RecommendationResponse, ReviewInvitationStatus } from './peer-review.enums';
import type { PeerReviewRow, RecommendationRow, ReviewInvitationRow } from './peer-review.repository';

@ObjectType('PeerReviewInvitation', {
  implements: () => [Node],
  description: 'A peer invited to review a PEER_REVIEW exchange; seen by the person and by those who run the exchange.',
})
export class PeerReviewInvitation extends Node {
  @Field(() => ReviewInvitationStatus)
  status!: ReviewInvitationStatus;

  @Field()
  invitedAt!: Date;

  @Field(() => Date, { nullable: true })
  respondedAt!: Date | null;

  row!: ReviewInvitationRow;

  static from(row: ReviewInvitationRow): PeerReviewInvitation {
    return Object.assign(new PeerReviewInvitation(), {
      id: toGlobalId('PeerReviewInvitation', row.id),
      dbId: row.id,
      status: row.status,
      invitedAt: row.invitedAt,
      respondedAt: row.respondedAt,
      row,
    });
  }
}

@ObjectType('ReviewRecommendation', {
  implements: () => [Node],
  description: 'What a peer recommends after a peer review, and the host’s response to it.',
})
export class ReviewRecommendation extends Node {
  @Field(() => ExchangeDescription, { description: 'Markdown, and the sanitized HTML rendered from it when written.' })
  text!: ExchangeDescription;

  @Field(() => RecommendationResponse, { nullable: true, description: 'The host’s response; null until the host answered.' })
  response!: RecommendationResponse | null;

  @Field(() => String, { nullable: true })
  responseNote!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  row!: RecommendationRow;

  static from(row: RecommendationRow): ReviewRecommendation {
    return Object.assign(new ReviewRecommendation(), {
      id: toGlobalId('ReviewRecommendation', row.id),
      dbId: row.id,
      text: Object.assign(new ExchangeDescription(), { markdown: row.textSource, html: row.textHtml }),
      response: row.response,
      responseNote: row.responseNote,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      row,
    });
  }
}

@ObjectType('PeerReview', {
  description:
    'The review of a PEER_REVIEW exchange: the host’s question, the recommendations of the peers who reviewed, and the host’s action plan. ' +
    'Read by those who run the exchange, its hosts and its reviewers.',
})
export class PeerReview {
  @Field({ description: 'What the host asks the peers to examine.' })
  question!: string;

  @Field(() => ExchangeDescription, { nullable: true, description: 'The host’s answer to the recommendations; null until given.' })
  actionPlan!: ExchangeDescription | null;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;

  row!: PeerReviewRow;
  exchange!: PeerExchange;

  static from(row: PeerReviewRow, exchange: PeerExchange): PeerReview {
    return Object.assign(new PeerReview(), {
      question: row.question,
      actionPlan: row.actionPlanSource === null ? null : Object.assign(new ExchangeDescription(), { markdown: row.actionPlanSource, html: row.actionPlanHtml ?? '' }),
      answeredAt: row.answeredAt,
      row,
      exchange,
    });
  }
}

@ObjectType()
export class PeerReviewInvitationsPayload {
  @Field(() => [PeerReviewInvitation], { nullable: true, description: 'The invitations sent, in the order named.' })
  invitations!: PeerReviewInvitation[] | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class PeerReviewInvitationPayload {
  @Field(() => PeerReviewInvitation, { nullable: true })
  invitation!: PeerReviewInvitation | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class ReviewRecommendationPayload {
  @Field(() => ReviewRecommendation, { nullable: true })
  recommendation!: ReviewRecommendation | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class PeerReviewPayload {
  @Field(() => PeerReview, { nullable: true })
  peerReview!: PeerReview | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
