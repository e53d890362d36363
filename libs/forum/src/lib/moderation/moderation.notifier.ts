import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationKind, NotificationWriter } from '@bottega/notifications';
import { ContentReaders } from '../threads/thread.audience';
import type { ModeratedContent } from './moderated-content';

/** Why an item was hidden: a moderator's words, or the reasons its flags gave. */
export interface HiddenBecause {
  /** Who hid it; null when flags did. */
  actorId: string | null;
  reason: string | null;
  reasonCodes: string[];
}

/** Tells authors what moderation did to their content, inside the transaction that did it. */
@Injectable()
export class ModerationNotifier {
  constructor(
    private readonly writer: NotificationWriter,
    private readonly readers: ContentReaders,
  ) {}

  async hidden(manager: EntityManager, content: ModeratedContent, because: HiddenBecause): Promise<void> {
    if (!content.authorId || content.authorId === because.actorId) return;
    await this.writer.notify(manager, {
      kind: NotificationKind.CONTENT_HIDDEN,
      // The author learns why, not which coordinator decided (the audit log keeps that for staff).
      actorId: null,
      subjectType: content.type,
      subjectId: content.id,
      // Each hiding is its own event: content restored and hidden again is told again.
      eventKey: `hidden:${content.id}:${randomUUID()}`,
      recipientIds: await this.readers.among(manager, { communityId: content.community.id }, [content.authorId]),
      reason: because.reason,
      reasonCodes: because.reasonCodes,
    });
  }
}
