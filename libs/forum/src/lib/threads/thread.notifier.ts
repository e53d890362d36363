import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FollowSubjectType, NotificationKind, NotificationWriter, type FollowSubject } from '@bottega/notifications';
import { ContentReaders } from './thread.audience';

interface PostEvent {
  communityId: string;
  threadId: string;
  postId: string;
  authorId: string;
  mentionedUserIds: string[];
}

/**
 * Who hears about what happens in threads. Runs inside the transaction of the
 * change, notifies only people who may read the community, never the actor,
 * and once per person per event: a mention wins over a follow.
 */
@Injectable()
export class ThreadNotifier {
  constructor(
    private readonly writer: NotificationWriter,
    private readonly readers: ContentReaders,
  ) {}

  async threadStarted(
    manager: EntityManager,
    event: PostEvent & { tags: string[]; territoryIds: string[] },
  ): Promise<void> {
    await this.writer.follow(manager, event.authorId, { type: FollowSubjectType.THREAD, key: event.threadId });
    const eventKey = `thread:${event.threadId}`;
    await this.send(manager, event, NotificationKind.MENTION, 'Post', event.postId, eventKey, event.mentionedUserIds);
    const followed: FollowSubject[] = [
      { type: FollowSubjectType.COMMUNITY, key: event.communityId },
      ...event.tags.map((key) => ({ type: FollowSubjectType.TAG, key })),
      ...event.territoryIds.map((key) => ({ type: FollowSubjectType.TERRITORY, key })),
    ];
    const followers = await this.writer.followersOf(manager, followed);
    await this.send(manager, event, NotificationKind.NEW_THREAD, 'Thread', event.threadId, eventKey, followers);
  }

  /**
   * An edit gave the thread tags or territories it did not have: their
   * followers hear of it as of a new thread, under the same event key, so
   * nobody told when it started (or by an earlier edit) is told again.
   */
  async newlyAbout(
    manager: EntityManager,
    event: { communityId: string; threadId: string; authorId: string | null; tags: string[]; territoryIds: string[] },
  ): Promise<void> {
    if (event.tags.length === 0 && event.territoryIds.length === 0) return;
    const followers = await this.writer.followersOf(manager, [
      ...event.tags.map((key) => ({ type: FollowSubjectType.TAG, key })),
      ...event.territoryIds.map((key) => ({ type: FollowSubjectType.TERRITORY, key })),
    ]);
    const recipientIds = await this.readers.among(manager, { communityId: event.communityId, threadId: event.threadId }, followers);
    await this.writer.notify(manager, {
      kind: NotificationKind.NEW_THREAD,
      actorId: event.authorId,
      subjectType: 'Thread',
      subjectId: event.threadId,
      eventKey: `thread:${event.threadId}`,
      recipientIds,
    });
  }

  async replied(manager: EntityManager, event: PostEvent): Promise<void> {
    await this.writer.follow(manager, event.authorId, { type: FollowSubjectType.THREAD, key: event.threadId });
    const eventKey = `post:${event.postId}`;
    await this.send(manager, event, NotificationKind.MENTION, 'Post', event.postId, eventKey, event.mentionedUserIds);
    const followers = await this.writer.followersOf(manager, [{ type: FollowSubjectType.THREAD, key: event.threadId }]);
    await this.send(manager, event, NotificationKind.REPLY, 'Post', event.postId, eventKey, followers);
  }

  /** People newly @mentioned by an edit; anyone already told about this post is not told again. */
  async mentionedInEdit(manager: EntityManager, event: PostEvent): Promise<void> {
    await this.send(manager, event, NotificationKind.MENTION, 'Post', event.postId, `post:${event.postId}`, event.mentionedUserIds);
  }

  async answerAccepted(
    manager: EntityManager,
    event: { communityId: string; threadId: string; postId: string; answerAuthorId: string | null; actorId: string },
  ): Promise<void> {
    if (!event.answerAuthorId) return;
    const recipients = await this.readers.among(
      manager,
      { communityId: event.communityId, threadId: event.threadId, postId: event.postId },
      [event.answerAuthorId],
    );
    await this.writer.notify(manager, {
      kind: NotificationKind.ANSWER_ACCEPTED,
      actorId: event.actorId,
      subjectType: 'Post',
      subjectId: event.postId,
      eventKey: `accepted:${event.threadId}:${event.postId}`,
      recipientIds: recipients,
    });
  }

  private async send(
    manager: EntityManager,
    event: PostEvent,
    kind: NotificationKind,
    subjectType: string,
    subjectId: string,
    eventKey: string,
    candidates: string[],
  ): Promise<void> {
    const content = { communityId: event.communityId, threadId: event.threadId, postId: subjectType === 'Post' ? subjectId : null };
    const recipientIds = await this.readers.among(manager, content, candidates);
    await this.writer.notify(manager, { kind, actorId: event.authorId, subjectType, subjectId, eventKey, recipientIds });
  }
}
