import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { NotificationEntity } from './notification.entity';
import type { NotificationKind } from './notification.enums';

export interface NewNotifications {
  kind: NotificationKind;
  actorId: string | null;
  subjectType: string;
  subjectId: string;
  /** One notification per recipient per event key, however many follows matched. */
  eventKey: string;
  recipientIds: string[];
  /** Why, in someone's words (e.g. a moderator's). */
  reason?: string | null;
  /** Why, as codes clients put into words. */
  reasonCodes?: string[];
}

/** The only code that reads and writes notifications. */
@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts what is new (never to the actor); returns the created ids and recipients. */
  async insert(manager: EntityManager, batch: NewNotifications): Promise<{ id: string; recipientId: string }[]> {
    if (batch.recipientIds.length === 0) return [];
    return manager.query(
      `INSERT INTO notification (recipient_id, kind, actor_id, subject_type, subject_id, event_key, reason, reason_codes)
       SELECT DISTINCT r, $2, $3::uuid, $4, $5::uuid, $6, $7, $8::text[] FROM unnest($1::uuid[]) AS r
        WHERE r IS DISTINCT FROM $3::uuid
       ON CONFLICT (recipient_id, event_key) DO NOTHING
       RETURNING id, recipient_id AS "recipientId"`,
      [
        batch.recipientIds,
        batch.kind,
        batch.actorId,
        batch.subjectType,
        batch.subjectId,
        batch.eventKey,
        batch.reason ?? null,
        batch.reasonCodes ?? [],
      ],
    );
  }

  findById(id: string): Promise<NotificationEntity | null> {
    return this.db.getRepository(NotificationEntity).findOneBy({ id });
  }

  /** A person's notifications; paging is the caller's. */
  of(recipientId: string, unreadOnly: boolean): SelectQueryBuilder<NotificationEntity> {
    const query = this.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('notification')
      .where('notification.recipientId = :recipientId', { recipientId });
    if (unreadOnly) query.andWhere('notification.readAt IS NULL');
    return query;
  }

  async unreadCount(recipientId: string): Promise<number> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1 AND read_at IS NULL`,
      [recipientId],
    )) as [{ n: number }];
    return row.n;
  }

  /** Marks the recipient's own notifications read (others' ids are ignored); null ids means all. Returns how many changed. */
  async markRead(recipientId: string, ids: string[] | null): Promise<number> {
    const [, changed] = (await this.db.query(
      `UPDATE notification SET read_at = now()
        WHERE recipient_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [recipientId, ids],
    )) as [unknown, number];
    return changed;
  }
}
