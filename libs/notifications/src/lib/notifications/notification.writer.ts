import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PgPubSub } from '@bottega/core';
import { FollowRepository } from '../follows/follow.repository';
import type { FollowSubject } from '../follows/follow.entity';
import { NotificationRepository, type NewNotifications } from './notification.repository';

export const notificationTopic = (userId: string): string => `notifications:${userId}`;

/**
 * What other libraries call, inside their own transaction, when something
 * worth telling people happens: notifications are written with the change
 * they describe, and pushed live once it commits.
 */
@Injectable()
export class NotificationWriter {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly follows: FollowRepository,
    private readonly pubsub: PgPubSub,
  ) {}

  /** Creates the notifications that are new and returns who got one. */
  async notify(manager: EntityManager, batch: NewNotifications): Promise<string[]> {
    const created = await this.notifications.insert(manager, batch);
    await this.pubsub.publishMany(
      created.map((row) => ({ topic: notificationTopic(row.recipientId), notificationId: row.id })),
      manager,
    );
    return created.map((row) => row.recipientId);
  }

  followersOf(manager: EntityManager, subjects: FollowSubject[]): Promise<string[]> {
    return this.follows.followersOf(subjects, manager);
  }

  /** Following without asking: people follow the threads they start or reply to. */
  follow(manager: EntityManager, userId: string, subject: FollowSubject): Promise<void> {
    return this.follows.add(userId, subject, manager);
  }
}
