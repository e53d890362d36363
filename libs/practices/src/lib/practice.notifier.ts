import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessDirectory, type RequestContext } from '@bottega/core';
import { FollowSubjectType, NotificationKind, NotificationWriter, type FollowSubject } from '@bottega/notifications';
import { TerritoryLoaders } from '@bottega/territories';
import { PRACTICE_AUDIENCE, practiceFacts } from './practice.audience';
import { PracticeStatus } from './practice.enums';
import type { PracticeRow } from './practice.repository';
import { PRACTICE_COMMENT_AUDIENCE, practiceCommentFacts } from './practice-comment.audience';

/**
 * Who hears of a practice's publication: the followers of the practice, of
 * its tags and of its territories and those above them (as for threads), in
 * the publishing transaction, once each, never the actor, and only those who
 * may read it once published (its audience).
 */
@Injectable()
export class PracticeNotifier {
  constructor(
    private readonly writer: NotificationWriter,
    private readonly directory: AccessDirectory,
    private readonly territories: TerritoryLoaders,
  ) {}

  /** The territories to tell, read before the transaction: a region's followers hear of practices in its provinces. */
  async territoriesOf(practice: PracticeRow, context: RequestContext): Promise<string[]> {
    const ancestors = await context.loaders.get(this.territories.ancestorsOf).loadMany(practice.territoryIds);
    return [...new Set([...practice.territoryIds, ...ancestors.flatMap((found) => (Array.isArray(found) ? found.map((a) => a.id) : []))])];
  }

  async published(manager: EntityManager, practice: PracticeRow, territoryIds: string[], actorId: string): Promise<void> {
    const followed: FollowSubject[] = [
      { type: FollowSubjectType.PRACTICE, key: practice.id },
      ...practice.tags.map((key) => ({ type: FollowSubjectType.TAG, key })),
      ...territoryIds.map((key) => ({ type: FollowSubjectType.TERRITORY, key })),
    ];
    const followers = await this.writer.followersOf(manager, followed);
    const facts = practiceFacts({ ...practice, status: PracticeStatus.PUBLISHED });
    const recipientIds = await this.directory.readersAmong(manager, PRACTICE_AUDIENCE, facts, followers);
    await this.writer.notify(manager, {
      kind: NotificationKind.PRACTICE_PUBLISHED,
      actorId,
      subjectType: 'Practice',
      subjectId: practice.id,
      eventKey: `practice-published:${practice.id}`,
      recipientIds,
    });
  }

  /** A new comment tells the practice's authors, in its transaction, once each, never its writer, only those who may read it. */
  async commented(manager: EntityManager, practice: PracticeRow, comment: { id: string; authorId: string }): Promise<void> {
    const facts = practiceCommentFacts(practice, { authorId: comment.authorId, hiddenAt: null, deletedAt: null });
    await this.writer.notify(manager, {
      kind: NotificationKind.PRACTICE_COMMENT,
      actorId: comment.authorId,
      subjectType: 'PracticeComment',
      subjectId: comment.id,
      eventKey: `practice-comment:${comment.id}`,
      recipientIds: await this.directory.readersAmong(manager, PRACTICE_COMMENT_AUDIENCE, facts, practice.authorIds),
    });
  }
}
