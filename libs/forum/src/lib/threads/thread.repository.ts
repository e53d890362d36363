import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlList, SqlWhere, STAFF_ROLES, splitPrefixed, updatedRows, type Principals } from '@bottega/core';
import { userJsonSql, type UserJson } from '@bottega/identity';
import { territoryWithinSql } from '@bottega/territories';
import type { CommunityEntity } from '../communities/community.entity';
import { CommunityRole } from '../communities/community.enums';
import { communityColumns } from '../communities/community.repository';
import { THREAD_AUDIENCE, threadColumns } from './thread.audience';
import { ThreadEntity } from './thread.entity';
import type { ThreadKind } from './thread.enums';

export interface ThreadFilterValues {
  communityId: string | null;
  tag: string | null;
  territoryId: string | null;
  kind: ThreadKind | null;
  answered: boolean | null;
  locked: boolean | null;
  authorId: string | null;
}

/** Why a reply was not counted: the thread was locked or deleted since it was read. */
export type CountOutcome = 'COUNTED' | 'LOCKED' | 'GONE';


/** Every column of a thread, named as {@link ThreadEntity}'s properties. */
const THREAD_ROW_COLUMNS = [
  'thread.id',
  'thread.community_id AS "communityId"',
  'thread.author_id AS "authorId"',
  'thread.kind',
  'thread.title',
  'thread.accepted_post_id AS "acceptedPostId"',
  'thread.locked_at AS "lockedAt"',
  'thread.pinned_at AS "pinnedAt"',
  'thread.hidden_at AS "hiddenAt"',
  'thread.post_count AS "postCount"',
  'thread.participant_count AS "participantCount"',
  'thread.version',
  'thread.deleted_at AS "deletedAt"',
  'thread.deleted_by AS "deletedBy"',
  'thread.last_activity_at AS "lastActivityAt"',
  'thread.created_at AS "createdAt"',
  // Every page that shows a thread shows its tags: a few slugs, read in the same statement.
  'ARRAY(SELECT g.slug FROM thread_tag tt JOIN tag g ON g.id = tt.tag_id WHERE tt.thread_id = thread.id ORDER BY g.slug) AS tags',
].join(', ');

/** A thread as lists and loaders read it: every column, and its tags' slugs in order. */
export type ThreadRow = ThreadEntity & { tags: string[] };

/** A thread as a list reads it, with its author when the page shows them. */
export type ThreadListRow = ThreadRow & { author?: UserJson | null };

/** A thread as its loader reads it: with its community. */
export type LoadedThread = ThreadRow & { community: CommunityEntity };

/** The only code that reads and writes threads, their tags, territories and participants. */
@Injectable()
export class ThreadRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Plain rows with their communities, in one statement: each post and field of a page asks for its thread, and deciding who reads it needs both. */
  async findByIds(ids: readonly string[]): Promise<LoadedThread[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${THREAD_ROW_COLUMNS}, ${communityColumns('c', 'community.')}
         FROM thread thread JOIN community c ON c.id = thread.community_id WHERE thread.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => {
      const [thread, community] = splitPrefixed<ThreadRow, CommunityEntity>(row, 'community.');
      return Object.assign(thread, { community });
    });
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
    await this.replaceTags(manager, saved.id, links.tags);
    await this.replaceTerritories(manager, saved.id, links.territoryIds);
    return saved;
  }

  /**
   * The thread's tags become exactly `tags` (created on first use; concurrent
   * first uses meet in the unique index). Returns the tags it did not have.
   */
  async replaceTags(manager: EntityManager, threadId: string, tags: string[]): Promise<string[]> {
    await manager.query(
      `DELETE FROM thread_tag WHERE thread_id = $1 AND tag_id NOT IN (SELECT id FROM tag WHERE slug = ANY($2::text[]))`,
      [threadId, tags],
    );
    if (tags.length === 0) return [];
    await manager.query(`INSERT INTO tag (slug) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [tags]);
    const added: { slug: string }[] = await manager.query(
      `INSERT INTO thread_tag (thread_id, tag_id) SELECT $1, id FROM tag WHERE slug = ANY($2::text[])
       ON CONFLICT DO NOTHING RETURNING (SELECT slug FROM tag WHERE id = tag_id) AS slug`,
      [threadId, tags],
    );
    return added.map((row) => row.slug);
  }

  /** The thread's territories become exactly `territoryIds`; returns those it did not have. */
  async replaceTerritories(manager: EntityManager, threadId: string, territoryIds: string[]): Promise<string[]> {
    await manager.query(`DELETE FROM thread_territory WHERE thread_id = $1 AND NOT (territory_id = ANY($2::uuid[]))`, [
      threadId,
      territoryIds,
    ]);
    if (territoryIds.length === 0) return [];
    const added: { territoryId: string }[] = await manager.query(
      `INSERT INTO thread_territory (thread_id, territory_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT DO NOTHING RETURNING territory_id AS "territoryId"`,
      [threadId, territoryIds],
    );
    return added.map((row) => row.territoryId);
  }

  /**
   * Counts a new post in the thread: one row-locking UPDATE, so concurrent
   * replies serialise on the thread and the counters stay exact. Refuses,
   * changing nothing, a deleted thread, and a locked one unless the author
   * coordinates its community or is staff (see `canReply`): the author's
   * standing is read in the same statement, so a lock cannot slip between the
   * check and the count.
   */
  async countPost(manager: EntityManager, threadId: string, authorId: string): Promise<CountOutcome> {
    const participant: unknown[] = await manager.query(
      `INSERT INTO thread_participant (thread_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
      [threadId, authorId],
    );
    const counted = updatedRows<{ id: string }>(
      await manager.query(
        `UPDATE thread SET post_count = post_count + 1, participant_count = participant_count + $3, last_activity_at = now()
          WHERE id = $1 AND deleted_at IS NULL
            AND (locked_at IS NULL
                 OR EXISTS (SELECT 1 FROM app_user u WHERE u.id = $2 AND u.role IN (${STAFF_ROLES.map((role) => `'${role}'`).join(', ')}))
                 OR EXISTS (SELECT 1 FROM community_membership m
                             WHERE m.community_id = thread.community_id AND m.user_id = $2 AND m.role = '${CommunityRole.COORDINATOR}'))
          RETURNING id`,
        [threadId, authorId, participant.length],
      ),
    );
    if (counted.length === 1) return 'COUNTED';
    const [row] = (await manager.query(`SELECT deleted_at IS NOT NULL AS gone FROM thread WHERE id = $1`, [threadId])) as { gone: boolean }[];
    return !row || row.gone ? 'GONE' : 'LOCKED';
  }

  /**
   * Uncounts a post just deleted in this transaction. A deleted post cannot stay
   * the accepted answer: the row lock taken here serialises with `acceptPost`,
   * and this statement sees the deletion, so whichever runs second wins safely.
   */
  async uncountPost(manager: EntityManager, threadId: string): Promise<void> {
    await manager.query(
      `UPDATE thread SET post_count = post_count - 1,
              accepted_post_id = CASE WHEN EXISTS (SELECT 1 FROM post p WHERE p.id = thread.accepted_post_id AND p.deleted_at IS NOT NULL)
                                      THEN NULL ELSE accepted_post_id END
        WHERE id = $1`,
      [threadId],
    );
  }

  /** Locks or unlocks a live thread; false when it already was (nothing changes). */
  async setLocked(manager: EntityManager, threadId: string, locked: boolean): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE thread SET locked_at = CASE WHEN $2 THEN now() END
          WHERE id = $1 AND deleted_at IS NULL AND (locked_at IS NULL) = $2 RETURNING id`,
        [threadId, locked],
      ),
    );
    return rows.length === 1;
  }

  /** Pins or unpins a live thread; false when it already was. */
  async setPinned(manager: EntityManager, threadId: string, pinned: boolean): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE thread SET pinned_at = CASE WHEN $2 THEN now() END
          WHERE id = $1 AND deleted_at IS NULL AND (pinned_at IS NULL) = $2 RETURNING id`,
        [threadId, pinned],
      ),
    );
    return rows.length === 1;
  }

  /**
   * Makes `postId` the accepted answer, in one statement, only if the thread is
   * a live question and the post a live reply in it (not the question itself).
   * The post row is share-locked: a delete of it in flight is waited for and
   * then seen, and a delete that comes after finds the answer set and clears it
   * (see `uncountPost`). Returns the answer it replaced (undefined when nothing changed).
   */
  async acceptPost(manager: EntityManager, threadId: string, postId: string): Promise<{ previous: string | null } | undefined> {
    const rows = updatedRows<{ previous: string | null }>(
      await manager.query(
        `WITH answer AS (
           SELECT p.id FROM post p
            WHERE p.id = $2 AND p.thread_id = $1 AND p.deleted_at IS NULL
              AND p.id <> (SELECT o.id FROM post o WHERE o.thread_id = $1 ORDER BY o.created_at, o.id LIMIT 1)
              FOR SHARE),
         before AS (SELECT accepted_post_id FROM thread WHERE id = $1)
         UPDATE thread SET accepted_post_id = answer.id, last_activity_at = now()
           FROM answer, before
          WHERE thread.id = $1 AND thread.kind = 'QUESTION' AND thread.deleted_at IS NULL
          RETURNING before.accepted_post_id AS previous`,
        [threadId, postId],
      ),
    );
    return rows[0];
  }

  /** Withdraws `postId` as the accepted answer; false when it was not (or no longer) the accepted one. */
  async unacceptPost(manager: EntityManager, threadId: string, postId: string): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE thread SET accepted_post_id = NULL WHERE id = $1 AND accepted_post_id = $2 AND deleted_at IS NULL RETURNING id`,
        [threadId, postId],
      ),
    );
    return rows.length === 1;
  }

  /**
   * Changes the title (when given) if the thread is still at `version`;
   * returns the new version, or null when it was edited (or deleted) since.
   */
  async edit(manager: EntityManager, threadId: string, version: number, title: string | null): Promise<number | null> {
    const rows = updatedRows<{ version: number }>(
      await manager.query(
        `UPDATE thread SET title = coalesce($3, title), version = version + 1
          WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING version`,
        [threadId, version, title],
      ),
    );
    return rows[0]?.version ?? null;
  }

  /**
   * Soft-deletes a live thread. `onlyIfAlone` is the author's condition (nobody
   * else has posted), checked on the row a concurrent reply locks and counts
   * on, so one of the two wins. False when nothing was deleted.
   */
  async softDelete(manager: EntityManager, threadId: string, deletedBy: string, onlyIfAlone: boolean): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE thread SET deleted_at = now(), deleted_by = $2
          WHERE id = $1 AND deleted_at IS NULL AND (NOT $3 OR participant_count <= 1) RETURNING id`,
        [threadId, deletedBy, onlyIfAlone],
      ),
    );
    return rows.length === 1;
  }

  /** Moves a live thread from one community to another; false when it is no longer in `fromId` (moved or deleted meanwhile). */
  async move(manager: EntityManager, threadId: string, fromId: string, toId: string): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE thread SET community_id = $3 WHERE id = $1 AND community_id = $2 AND deleted_at IS NULL RETURNING id`,
        [threadId, fromId, toId],
      ),
    );
    return rows.length === 1;
  }

  /** The ids of every post of the thread, deleted ones too. */
  async postIdsOf(manager: EntityManager, threadId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM post WHERE thread_id = $1`, [threadId]);
    return rows.map((row) => row.id);
  }

  /**
   * Threads in the reader's audience ({@link THREAD_AUDIENCE}), filtered, as
   * plain rows (lists are the pages read most, and hydration bought them
   * nothing); order and paging are the caller's. With `withAuthor`, each
   * thread's author comes in the same statement.
   */
  query(reader: Principals, filter: ThreadFilterValues, { withAuthor = false } = {}): SqlList<ThreadListRow> {
    const readable = THREAD_AUDIENCE.where(threadColumns('thread', 'thread_community'), reader);
    const where = new SqlWhere().and('thread.deleted_at IS NULL').and(readable.sql, readable.params);
    if (filter.communityId) where.and('thread.community_id = :communityId', { communityId: filter.communityId });
    if (filter.authorId) where.and('thread.author_id = :authorId', { authorId: filter.authorId });
    if (filter.kind) where.and('thread.kind = :kind', { kind: filter.kind });
    if (filter.tag) {
      where.and('EXISTS (SELECT 1 FROM thread_tag ft JOIN tag t ON t.id = ft.tag_id WHERE ft.thread_id = thread.id AND t.slug = :tag)', {
        tag: filter.tag,
      });
    }
    if (filter.territoryId) {
      where.and(
        `EXISTS (SELECT 1 FROM thread_territory ftt WHERE ftt.thread_id = thread.id AND ${territoryWithinSql('ftt.territory_id', 'territoryId')})`,
        { territoryId: filter.territoryId },
      );
    }
    if (filter.answered !== null) where.and(`thread.accepted_post_id IS ${filter.answered ? 'NOT ' : ''}NULL`);
    if (filter.locked !== null) where.and(`thread.locked_at IS ${filter.locked ? 'NOT ' : ''}NULL`);
    return new SqlList<ThreadListRow>(
      withAuthor ? `${THREAD_ROW_COLUMNS}, (SELECT ${userJsonSql('u')} FROM app_user u WHERE u.id = thread.author_id) AS author` : THREAD_ROW_COLUMNS,
      `FROM thread thread JOIN community thread_community ON thread_community.id = thread.community_id WHERE ${where}`,
      where.params,
      this.db,
    );
  }
}
