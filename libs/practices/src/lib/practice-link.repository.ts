import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { updatedRows } from '@bottega/core';
import type { PracticeStatus } from './practice.enums';

/** Threads one practice links, at most. */
export const LINKED_THREADS_LIMIT = 20;

/** The only code that reads and writes the forum threads linked to practices. */
@Injectable()
export class PracticeLinkRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Locks the practice while it is in one of `statuses`, so its links change
   * one at a time (the limit holds) and never once it moved on. False when it is not.
   */
  async lockPractice(manager: EntityManager, practiceId: string, statuses: readonly PracticeStatus[]): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT id FROM practice WHERE id = $1 AND status = ANY($2::text[]) FOR UPDATE`, [practiceId, statuses]);
    return rows.length === 1;
  }

  /** What the practice links now (the caller holds its lock): whether it links the thread, and how many it links. */
  async standing(manager: EntityManager, practiceId: string, threadId: string): Promise<{ linked: boolean; count: number }> {
    const [row]: { linked: boolean; count: number }[] = await manager.query(
      `SELECT bool_or(thread_id = $2) IS TRUE AS linked, count(*)::int AS count FROM practice_thread WHERE practice_id = $1`,
      [practiceId, threadId],
    );
    return row ?? { linked: false, count: 0 };
  }

  async insert(manager: EntityManager, practiceId: string, threadId: string, linkedBy: string): Promise<void> {
    await manager.query(`INSERT INTO practice_thread (practice_id, thread_id, linked_by) VALUES ($1, $2, $3)`, [practiceId, threadId, linkedBy]);
  }

  /** False when the practice did not link the thread. */
  async delete(manager: EntityManager, practiceId: string, threadId: string): Promise<boolean> {
    const rows = updatedRows(await manager.query(`DELETE FROM practice_thread WHERE practice_id = $1 AND thread_id = $2 RETURNING thread_id`, [practiceId, threadId]));
    return rows.length === 1;
  }
}
