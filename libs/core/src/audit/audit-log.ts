import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

/** What one audited action records. */
export interface AuditEntryInput {
  /** Who acted; null for what the system did on its own (e.g. hiding content after enough flags). */
  actorId: string | null;
  /** UPPER_SNAKE verb, e.g. `HIDE`, `SUSPEND`. */
  action: string;
  /** The GraphQL type name and database id of what was acted on. */
  subject: { type: string; id: string };
  reason?: string | null;
  /** Facts worth keeping with the entry (previous state, counts); ids, not content. */
  metadata?: Record<string, unknown>;
}

export interface AuditLogFilter {
  actorId: string | null;
  subject: { type: string; id: string } | null;
}

/**
 * The audit log every feature writes to. An entry is written with the
 * caller's transaction manager, so the action and its record commit (or roll
 * back) together: there is no action without its entry, nor the reverse.
 */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(manager: EntityManager, entry: AuditEntryInput): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, subject_type, subject_id, reason, metadata) VALUES ($1, $2, $3, $4, $5, $6)`,
      [entry.actorId, entry.action, entry.subject.type, entry.subject.id, entry.reason ?? null, JSON.stringify(entry.metadata ?? {})],
    );
  }

  /** Entries matching the filter; order and paging are the caller's. */
  query(filter: AuditLogFilter): SelectQueryBuilder<AuditEntryEntity> {
    const query = this.db.getRepository(AuditEntryEntity).createQueryBuilder('entry');
    if (filter.actorId) query.andWhere('entry.actorId = :actorId', { actorId: filter.actorId });
    if (filter.subject) {
      query.andWhere('entry.subjectType = :subjectType AND entry.subjectId = :subjectId', {
        subjectType: filter.subject.type,
        subjectId: filter.subject.id,
      });
    }
    return query;
  }
}
