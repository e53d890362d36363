import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { Viewer } from '@bottega/core';
import { territoryWithinSql } from '@bottega/territories';
import { readableCommunitySql } from '../communities/community.repository';
import { visibleContentSql } from '../moderation/content-visibility';
import { ThreadEntity } from './thread.entity';
import { ThreadStatus, type ThreadKind } from './thread.model';

export interface ThreadFilterValues {
  communityId: string | null;
  tag: string | null;
  territoryId: string | null;
  kind: ThreadKind | null;
  status: ThreadStatus | null;
  authorId: string | null;
}

/** The only code that reads and writes threads, their tags, territories and participants. */
@Injectable()
export class ThreadRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(ThreadEntity) private readonly threads: Repository<ThreadEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findByIds(ids: readonly string[]): Promise<ThreadEntity[]> {
    return this.threads.findBy({ id: In([...ids]) });
  }

  async tagsOf(threadIds: readonly string[]): Promise<{ threadId: string; slug: string }[]> {
    return this.db.query(
      `SELECT tt.thread_id AS "threadId", t.slug FROM thread_tag tt JOIN tag t ON t.id = tt.tag_id
        WHERE tt.thread_id = ANY($1) ORDER BY t.slug`,
      [threadIds],
    );
  }

  async territoriesOf(threadIds: readonly string[]): Promise<{ threadId: string; territoryId: string }[]> {
    return this.db.query(
      `SELECT thread_id AS "threadId", territory_id AS "territoryId" FROM thread_territory WHERE thread_id = ANY($1)`,
      [threadIds],
    );
  }

  async insert(
    manager: EntityManager,
    thread: Pick<ThreadEntity, 'communityId' | 'authorId' | 'kind' | 'title'>,
    links: { tags: string[]; territoryIds: string[] },
  ): Promise<ThreadEntity> {
    const threads = manager.getRepository(ThreadEntity);
    const saved = await threads.save(threads.create(thread));
    if (links.tags.length > 0) {
      // Tags are created on first use; concurrent first uses meet in the unique index.
      await manager.query(`INSERT INTO tag (slug) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [links.tags]);
      await manager.query(
        `INSERT INTO thread_tag (thread_id, tag_id) SELECT $1, id FROM tag WHERE slug = ANY($2::text[])`,
        [saved.id, links.tags],
      );
    }
    if (links.territoryIds.length > 0) {
      await manager.query(
        `INSERT INTO thread_territory (thread_id, territory_id) SELECT $1, unnest($2::uuid[])`,
        [saved.id, links.territoryIds],
      );
    }
    return saved;
  }

  /**
   * Counts a new post in the thread: one row-locking UPDATE, so concurrent
   * replies serialise on the thread and the counters stay exact. Returns false,
   * changing nothing, when the thread is locked.
   */
  async countPost(manager: EntityManager, threadId: string, authorId: string): Promise<boolean> {
    const participant: unknown[] = await manager.query(
      `INSERT INTO thread_participant (thread_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
      [threadId, authorId],
    );
    const result = await manager
      .createQueryBuilder()
      .update(ThreadEntity)
      .set({
        postCount: () => 'post_count + 1',
        participantCount: () => `participant_count + ${participant.length}`,
        lastActivityAt: () => 'now()',
      })
      .where('id = :threadId AND locked_at IS NULL', { threadId })
      .execute();
    return result.affected === 1;
  }

  async uncountPost(manager: EntityManager, threadId: string): Promise<void> {
    await manager.query(`UPDATE thread SET post_count = post_count - 1 WHERE id = $1`, [threadId]);
  }

  /** Pass `manager` to lock within a transaction (moderation records its audit entry with it). */
  async setLocked(threadId: string, locked: boolean, manager: EntityManager | DataSource = this.db): Promise<void> {
    await manager.query(`UPDATE thread SET locked_at = CASE WHEN $2 THEN coalesce(locked_at, now()) END WHERE id = $1`, [
      threadId,
      locked,
    ]);
  }

  async setPinned(threadId: string, pinned: boolean): Promise<void> {
    await this.db.query(`UPDATE thread SET pinned_at = CASE WHEN $2 THEN coalesce(pinned_at, now()) END WHERE id = $1`, [
      threadId,
      pinned,
    ]);
  }

  async setAcceptedPost(manager: EntityManager, threadId: string, postId: string | null): Promise<void> {
    await manager.query(`UPDATE thread SET accepted_post_id = $2, last_activity_at = now() WHERE id = $1`, [threadId, postId]);
  }

  /** Threads the viewer may read (community readable, not hidden from them), filtered; order and paging are the caller's. */
  query(viewer: Viewer | null, filter: ThreadFilterValues): SelectQueryBuilder<ThreadEntity> {
    const query = this.threads.createQueryBuilder('thread');
    const readable = readableCommunitySql('thread.community_id', viewer);
    if (readable) query.andWhere(readable.sql, readable.params);
    const visible = visibleContentSql({ hiddenAt: 'thread.hidden_at', authorId: 'thread.author_id', communityId: 'thread.community_id' }, viewer);
    if (visible) query.andWhere(visible.sql, visible.params);
    if (filter.communityId) query.andWhere('thread.communityId = :communityId', { communityId: filter.communityId });
    if (filter.authorId) query.andWhere('thread.authorId = :authorId', { authorId: filter.authorId });
    if (filter.kind) query.andWhere('thread.kind = :kind', { kind: filter.kind });
    if (filter.tag) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM thread_tag ft JOIN tag t ON t.id = ft.tag_id WHERE ft.thread_id = thread.id AND t.slug = :tag)',
        { tag: filter.tag },
      );
    }
    if (filter.territoryId) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM thread_territory ftt WHERE ftt.thread_id = thread.id AND ${territoryWithinSql('ftt.territory_id', 'territoryId')})`,
        { territoryId: filter.territoryId },
      );
    }
    if (filter.status === ThreadStatus.LOCKED) query.andWhere('thread.lockedAt IS NOT NULL');
    if (filter.status === ThreadStatus.ANSWERED) query.andWhere('thread.lockedAt IS NULL AND thread.acceptedPostId IS NOT NULL');
    if (filter.status === ThreadStatus.OPEN) query.andWhere('thread.lockedAt IS NULL AND thread.acceptedPostId IS NULL');
    return query;
  }
}
