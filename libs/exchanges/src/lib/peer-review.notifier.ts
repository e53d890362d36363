import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessDirectory } from '@bottega/core';
import { NotificationKind, NotificationWriter } from '@bottega/notifications';
import { EXCHANGE_AUDIENCE, exchangeFacts } from './exchange.audience';
import type { ExchangeRow } from './exchange.repository';
import type { ReviewInvitationRow } from './peer-review.repository';

/**
 * What a peer review tells, in the transaction of the change, only to those
 * who may read the exchange: the peers invited, the coordinator who invited
 * them of their answer, the reviewers of the host's action plan.
 */
@Injectable()
export class PeerReviewNotifier {
  constructor(
    private readonly writer: NotificationWriter,
    private readonly directory: AccessDirectory,
  ) {}

  async invited(manager: EntityManager, exchange: ExchangeRow, invitations: ReviewInvitationRow[], actorId: string): Promise<void> {
    for (const invitation of invitations) {
      await this.tell(manager, exchange, NotificationKind.EXCHANGE_REVIEW_INVITED, `review-invited:${invitation.id}`, [invitation.userId], actorId);
    }
  }

  /** The answer goes to whoever sent the invitation. */
  async answered(manager: EntityManager, exchange: ExchangeRow, invitation: ReviewInvitationRow): Promise<void> {
    if (!invitation.invitedBy) return;
    const accepted = invitation.status === 'ACCEPTED';
    await this.tell(
      manager,
      exchange,
      accepted ? NotificationKind.EXCHANGE_REVIEW_ACCEPTED : NotificationKind.EXCHANGE_REVIEW_DECLINED,
      `review-${accepted ? 'accepted' : 'declined'}:${invitation.id}`,
      [invitation.invitedBy],
      invitation.userId,
    );
  }

  async actionPlan(manager: EntityManager, exchange: ExchangeRow, reviewerIds: string[], actorId: string): Promise<void> {
    await this.tell(manager, exchange, NotificationKind.EXCHANGE_ACTION_PLAN, `review-action-plan:${exchange.id}`, reviewerIds, actorId);
  }

  private async tell(manager: EntityManager, exchange: ExchangeRow, kind: NotificationKind, eventKey: string, userIds: string[], actorId: string): Promise<void> {
    const recipientIds = (await this.directory.readersAmong(manager, EXCHANGE_AUDIENCE, exchangeFacts(exchange), userIds)).filter((id) => id !== actorId);
    await this.writer.notify(manager, { kind, actorId, subjectType: 'PeerExchange', subjectId: exchange.id, eventKey, recipientIds, reason: null });
  }
}
