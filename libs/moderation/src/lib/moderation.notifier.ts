import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationKind, NotificationWriter } from '@bottega/notifications';
import type { Subject } from './moderation-subjects';

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
  constructor(private readonly writer: NotificationWriter) {}

  async hidden(manager: EntityManager, { kind, item }: Subject, because: HiddenBecause): Promise<void> {
    if (!item.authorId || item.authorId === because.actorId) return;
    await this.writer.notify(manager, {
      kind: NotificationKind.CONTENT_HIDDEN,
      // The author learns why, not which coordinator decided (the audit log keeps that for staff).
      actorId: null,
      subjectType: item.type,
      subjectId: item.id,
      // Each hiding is its own event: content restored and hidden again is told again.
      eventKey: `hidden:${item.id}:${randomUUID()}`,
      recipientIds: await kind.readersAmong(manager, item.id, [item.authorId]),
      reason: because.reason,
      reasonCodes: because.reasonCodes,
    });
  }
}
