import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys, groupByKeys as grouped } from '@bottega/core';
import { PeerReviewRepository, type PeerReviewRow, type RecommendationRow, type ReviewInvitationRow } from './peer-review.repository';

/** Peer reviews, their invitations and recommendations: one statement for a page of exchanges. */
@Injectable()
export class PeerReviewLoaders {
  readonly reviewByExchange: LoaderFactory<string, PeerReviewRow | null>;
  readonly invitationsByExchange: LoaderFactory<string, ReviewInvitationRow[]>;
  readonly recommendationsByExchange: LoaderFactory<string, RecommendationRow[]>;
  readonly invitationById: LoaderFactory<string, ReviewInvitationRow | null>;
  readonly recommendationById: LoaderFactory<string, RecommendationRow | null>;

  constructor(reviews: PeerReviewRepository) {
    this.reviewByExchange = new LoaderFactory(async (ids) => byKeys(ids, await reviews.reviewsOf(ids), (row) => row.exchangeId));
    this.invitationsByExchange = new LoaderFactory(async (ids) => grouped(ids, await reviews.invitationsOf(ids), (row) => row.exchangeId));
    this.recommendationsByExchange = new LoaderFactory(async (ids) => grouped(ids, await reviews.recommendationsOf(ids), (row) => row.exchangeId));
    this.invitationById = new LoaderFactory(async (ids) => byKeys(ids, await reviews.invitationsByIds(ids), (row) => row.id));
    this.recommendationById = new LoaderFactory(async (ids) => byKeys(ids, await reviews.recommendationsByIds(ids), (row) => row.id));
  }
}
