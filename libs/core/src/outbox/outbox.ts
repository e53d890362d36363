import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PUBSUB_CHANNEL } from '../pubsub/pg-pubsub';

/** What happened to a piece of content; consumers decide what each means to them. */
export enum OutboxChange {
  CREATED = 'CREATED',
  EDITED = 'EDITED',
  HIDDEN = 'HIDDEN',
  RESTORED = 'RESTORED',
  DELETED = 'DELETED',
  VISIBILITY_CHANGED = 'VISIBILITY_CHANGED',
  MOVED = 'MOVED',
}

/** One content change, as the writer records it. */
export interface OutboxEntry {
  /** The GraphQL type name of the content, e.g. `Post`. */
  kind: string;
  subjectId: string;
  change: OutboxChange;
  /** Ids and small facts only: consumers load the content as it is when they run. */
  payload?: Record<string, string | number | boolean | null>;
}

/** A recorded change, as consumers receive it. */
export interface OutboxEvent {
  /** Place in the log: gap-free, in commit order. */
  position: number;
  kind: string;
  subjectId: string;
  change: OutboxChange;
  /** 1, 2, 3… per subject, in the order the subject's changes committed. */
  version: number;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** The pub/sub topic that wakes outbox runners in every process. */
export const OUTBOX_TOPIC = 'outbox';

/**
 * Records content changes for consumers that must not miss one (search,
 * digests). Written with the caller's transaction manager, like the audit
 * log: a change and its row commit, or roll back, together.
 */
@Injectable()
export class Outbox {
  /**
   * The subject's counter row is upserted first: its row lock orders
   * concurrent changes to one subject, so versions follow commit order with
   * no gaps. The notification wakes runners only if the transaction commits.
   */
  async record(manager: EntityManager, { subjectId, ...entry }: OutboxEntry): Promise<void> {
    await this.recordAll(manager, { ...entry, subjectIds: [subjectId] });
  }

  /**
   * The same change of many subjects of one kind, in one statement (a skill
   * renamed changes every profile that has it). Subjects are taken in id
   * order, so two such writes never wait on each other's counter rows in
   * opposite orders.
   */
  async recordAll(manager: EntityManager, entry: Omit<OutboxEntry, 'subjectId'> & { subjectIds: readonly string[] }): Promise<void> {
    const ids = [...new Set(entry.subjectIds)].sort();
    if (ids.length === 0) return;
    await manager.query(
      `WITH subject AS (
         INSERT INTO outbox_subject (kind, subject_id, version) SELECT $1, id, 1 FROM unnest($2::uuid[]) id ORDER BY id
         ON CONFLICT (kind, subject_id) DO UPDATE SET version = outbox_subject.version + 1
         RETURNING subject_id, version),
       event AS (
         INSERT INTO outbox_event (kind, subject_id, change, version, payload)
         SELECT $1, subject.subject_id, $3, subject.version, $4 FROM subject ORDER BY subject.subject_id RETURNING id)
       SELECT pg_notify($5, $6) WHERE EXISTS (SELECT 1 FROM event)`,
      [entry.kind, ids, entry.change, JSON.stringify(entry.payload ?? {}), PUBSUB_CHANNEL, JSON.stringify({ topic: OUTBOX_TOPIC })],
    );
  }

  /**
   * The latest version of each subject (by `<kind>:<id>`), 0 for a subject
   * never recorded: what a consumer rebuilding its state from the database
   * stamps it with.
   */
  async versions(manager: EntityManager, subjects: readonly { kind: string; id: string }[]): Promise<Map<string, number>> {
    const versions = new Map(subjects.map((subject) => [`${subject.kind}:${subject.id}`, 0]));
    if (subjects.length === 0) return versions;
    const rows: { kind: string; id: string; version: string }[] = await manager.query(
      `SELECT s.kind, s.subject_id AS id, s.version FROM outbox_subject s
         JOIN unnest($1::text[], $2::uuid[]) AS w(kind, id) ON s.kind = w.kind AND s.subject_id = w.id`,
      [subjects.map((subject) => subject.kind), subjects.map((subject) => subject.id)],
    );
    for (const row of rows) versions.set(`${row.kind}:${row.id}`, Number(row.version));
    return versions;
  }
}
