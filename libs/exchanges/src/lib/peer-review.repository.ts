import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { updatedRows } from '@bottega/core';
import type { RecommendationResponse, ReviewInvitationStatus } from './peer-review.enums';

/** The question of a peer review and, once the host answered, the action plan. */
export interface PeerReviewRow {
  exchangeId: string;
  question: string;
  actionPlanSource: string | null;
  actionPlanHtml: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

export interface ReviewInvitationRow {
  id: string;
  exchangeId: string;
  userId: string;
  invitedBy: string | null;
  status: ReviewInvitationStatus;
  invitedAt: Date;
  respondedAt: Date | null;
}

export interface RecommendationRow {
  id: string;
  exchangeId: string;
  authorId: string;
  textSource: string;
  textHtml: string;
  response: RecommendationResponse | null;
  responseNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A peer review under its row lock, with what the database's clock says of its exchange. */
export interface LockedReview {
  review: PeerReviewRow | null;
  /** The exchange has ended (it took place, unless it was cancelled). */
  ended: boolean;
}

const REVIEW_COLUMNS = `r.exchange_id AS "exchangeId", r.question, r.action_plan_source AS "actionPlanSource", r.action_plan_html AS "actionPlanHtml",
  r.answered_by AS "answeredBy", r.answered_at AS "answeredAt"`;
const INVITATION_COLUMNS = `i.id, i.exchange_id AS "exchangeId", i.user_id AS "userId", i.invited_by AS "invitedBy", i.status,
  i.invited_at AS "invitedAt", i.responded_at AS "respondedAt"`;
const RECOMMENDATION_COLUMNS = `c.id, c.exchange_id AS "exchangeId", c.author_id AS "authorId", c.text_source AS "textSource", c.text_html AS "textHtml",
  c.response, c.response_note AS "responseNote", c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

/**
 * The only code that reads and writes peer reviews. Recommendations and the
 * host's answer are written under the review's row lock, so no
 * recommendation is added or edited once the host answered.
 */
@Injectable()
export class PeerReviewRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  reviewsOf(exchangeIds: readonly string[]): Promise<PeerReviewRow[]> {
    return this.db.query(`SELECT ${REVIEW_COLUMNS} FROM peer_exchange_review r WHERE r.exchange_id = ANY($1::uuid[])`, [exchangeIds]);
  }

  async reviewOf(manager: EntityManager, exchangeId: string): Promise<PeerReviewRow | null> {
    const [row]: PeerReviewRow[] = await manager.query(`SELECT ${REVIEW_COLUMNS} FROM peer_exchange_review r WHERE r.exchange_id = $1`, [exchangeId]);
    return row ?? null;
  }

  /** Sets the question (the answer, if any, stays). */
  async setQuestion(manager: EntityManager, exchangeId: string, question: string): Promise<void> {
    await manager.query(
      `INSERT INTO peer_exchange_review (exchange_id, question) VALUES ($1, $2)
       ON CONFLICT (exchange_id) DO UPDATE SET question = EXCLUDED.question, updated_at = now()`,
      [exchangeId, question],
    );
  }

  /** Locks the review's row (recommendations and the answer take it first); no review, no lock. */
  async lock(manager: EntityManager, exchangeId: string): Promise<LockedReview> {
    const [row]: (PeerReviewRow & { ended: boolean })[] = await manager.query(
      `SELECT ${REVIEW_COLUMNS}, now() >= e.ends_at AS ended FROM peer_exchange_review r JOIN peer_exchange e ON e.id = r.exchange_id
        WHERE r.exchange_id = $1 FOR UPDATE OF r`,
      [exchangeId],
    );
    if (!row) return { review: null, ended: false };
    const { ended, ...review } = row;
    return { review, ended };
  }

  /**
   * Invites each person once: returns the invitations written; someone
   * already invited gets none (the unique key settles concurrent invitations).
   */
  async invite(manager: EntityManager, exchangeId: string, userIds: string[], invitedBy: string): Promise<ReviewInvitationRow[]> {
    return manager.query(
      `INSERT INTO peer_review_invitation AS i (exchange_id, user_id, invited_by)
       SELECT $1, u.id, $3 FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, n) ORDER BY u.n
       ON CONFLICT (exchange_id, user_id) DO NOTHING RETURNING ${INVITATION_COLUMNS}`,
      [exchangeId, userIds, invitedBy],
    );
  }

  /** Answers an invitation still waiting; null when it was answered already. */
  async respond(manager: EntityManager, id: string, status: ReviewInvitationStatus): Promise<ReviewInvitationRow | null> {
    const [row] = updatedRows<ReviewInvitationRow>(
      await manager.query(
        `UPDATE peer_review_invitation i SET status = $2, responded_at = now() WHERE i.id = $1 AND i.status = 'INVITED' RETURNING ${INVITATION_COLUMNS}`,
        [id, status],
      ),
    );
    return row ?? null;
  }

  invitationsByIds(ids: readonly string[]): Promise<ReviewInvitationRow[]> {
    return this.db.query(`SELECT ${INVITATION_COLUMNS} FROM peer_review_invitation i WHERE i.id = ANY($1::uuid[])`, [ids]);
  }

  /** The invitations of several exchanges, in the order they were sent. */
  invitationsOf(exchangeIds: readonly string[]): Promise<ReviewInvitationRow[]> {
    return this.db.query(
      `SELECT ${INVITATION_COLUMNS} FROM peer_review_invitation i WHERE i.exchange_id = ANY($1::uuid[]) ORDER BY i.invited_at, i.id`,
      [exchangeIds],
    );
  }

  /** Who accepted to review (the recipients of the action plan). */
  async reviewerIds(manager: EntityManager, exchangeId: string): Promise<string[]> {
    const rows: { userId: string }[] = await manager.query(
      `SELECT user_id AS "userId" FROM peer_review_invitation WHERE exchange_id = $1 AND status = 'ACCEPTED' ORDER BY invited_at, id`,
      [exchangeId],
    );
    return rows.map((row) => row.userId);
  }

  async invitationOf(manager: EntityManager, exchangeId: string, userId: string): Promise<ReviewInvitationRow | null> {
    const [row]: ReviewInvitationRow[] = await manager.query(
      `SELECT ${INVITATION_COLUMNS} FROM peer_review_invitation i WHERE i.exchange_id = $1 AND i.user_id = $2`,
      [exchangeId, userId],
    );
    return row ?? null;
  }

  async addRecommendation(manager: EntityManager, exchangeId: string, authorId: string, text: { source: string; html: string }): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO peer_review_recommendation (exchange_id, author_id, text_source, text_html) VALUES ($1, $2, $3, $4) RETURNING id`,
      [exchangeId, authorId, text.source, text.html],
    );
    if (!row) throw new Error('A recommendation was not written');
    return row.id;
  }

  async editRecommendation(manager: EntityManager, id: string, text: { source: string; html: string }): Promise<void> {
    await manager.query(
      `UPDATE peer_review_recommendation SET text_source = $2, text_html = $3, updated_at = now(), version = version + 1 WHERE id = $1`,
      [id, text.source, text.html],
    );
  }

  recommendationsByIds(ids: readonly string[], runner: DataSource | EntityManager = this.db): Promise<RecommendationRow[]> {
    return runner.query(`SELECT ${RECOMMENDATION_COLUMNS} FROM peer_review_recommendation c WHERE c.id = ANY($1::uuid[])`, [ids]);
  }

  /** The recommendations of several exchanges, oldest first. */
  recommendationsOf(exchangeIds: readonly string[], runner: DataSource | EntityManager = this.db): Promise<RecommendationRow[]> {
    return runner.query(
      `SELECT ${RECOMMENDATION_COLUMNS} FROM peer_review_recommendation c WHERE c.exchange_id = ANY($1::uuid[]) ORDER BY c.created_at, c.id`,
      [exchangeIds],
    );
  }

  /** The host's answer: the action plan and a response to each recommendation (the caller holds the lock). */
  async answer(
    manager: EntityManager,
    exchangeId: string,
    answeredBy: string,
    actionPlan: { source: string; html: string },
    responses: { recommendationId: string; response: RecommendationResponse; note: string | null }[],
  ): Promise<void> {
    await manager.query(
      `UPDATE peer_exchange_review SET action_plan_source = $2, action_plan_html = $3, answered_by = $4, answered_at = now(), updated_at = now()
        WHERE exchange_id = $1`,
      [exchangeId, actionPlan.source, actionPlan.html, answeredBy],
    );
    await manager.query(
      `UPDATE peer_review_recommendation c SET response = a.response, response_note = a.note, updated_at = now()
         FROM unnest($2::uuid[], $3::text[], $4::text[]) AS a(id, response, note) WHERE c.id = a.id AND c.exchange_id = $1`,
      [exchangeId, responses.map((r) => r.recommendationId), responses.map((r) => r.response), responses.map((r) => r.note)],
    );
  }
}
