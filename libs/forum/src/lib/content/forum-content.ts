import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ContentRegistry, OutboxChange, idsAfter, type ContentItem, type ContentKind } from '@bottega/core';
import { ModerationAction, ModerationDecisions, flaggable } from '@bottega/moderation';
import { SearchType, searchable } from '@bottega/search';
import { moderatorsOf } from '../communities/community.audience';
import type { PostEntity } from '../posts/post.entity';
import { PostLoaders } from '../posts/post.loaders';
import { Post } from '../posts/post.model';
import { PostRepository } from '../posts/post.repository';
import { ThreadManagementService } from '../threads/thread-management.service';
import { ThreadAccess, type ThreadInContext } from '../threads/thread.access';
import { postDocument, threadDocument } from './forum-documents';
import { ContentReaders, canSeeContent } from '../threads/thread.audience';
import { ThreadLoaders } from '../threads/thread.loaders';
import { Thread } from '../threads/thread.model';
import { ThreadRepository } from '../threads/thread.repository';

// Members of `FlaggedContent`, in the schema's order.
flaggable(Post, Thread);
searchable(SearchType.THREAD, Thread);
searchable(SearchType.POST, Post);

type Hideable = Pick<PostEntity, 'id' | 'authorId' | 'hiddenAt' | 'deletedAt'>;

/** A post or thread the viewer reads, as moderation, follows and notifications see it. */
function itemOf(type: 'Post' | 'Thread', { community, facts }: ThreadInContext, row: Hideable): ContentItem {
  return {
    type,
    id: row.id,
    authorId: row.authorId,
    communityId: community.id,
    hidden: row.hiddenAt !== null,
    deleted: row.deletedAt !== null,
    visible: canSeeContent(facts, row),
    moderators: moderatorsOf(community.id),
  };
}

export const threadItem = (found: ThreadInContext): ContentItem => itemOf('Thread', found, found.thread);
export const postItem = (found: ThreadInContext, post: Hideable): ContentItem => itemOf('Post', found, post);

/** Forum content always lives in a community. */
function communityOf(item: ContentItem): string {
  if (item.communityId === null) throw new Error(`${item.type} ${item.id} has no community`);
  return item.communityId;
}

/** Hides or shows a post or thread again; false when it already was so, or is deleted. */
async function setHidden(manager: EntityManager, table: 'post' | 'thread', id: string, hidden: boolean): Promise<boolean> {
  const [, changed]: [unknown[], number] = await manager.query(
    `UPDATE ${table} SET hidden_at = CASE WHEN $2 THEN now() END WHERE id = $1 AND (hidden_at IS NULL) = $2 AND deleted_at IS NULL`,
    [id, hidden],
  );
  return changed === 1;
}

/** The forum's kinds of content, registered with the shared capabilities at start-up. */
@Injectable()
export class ForumContent {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: ContentRegistry,
    private readonly decisions: ModerationDecisions,
    private readonly access: ThreadAccess,
    private readonly threadLoaders: ThreadLoaders,
    private readonly postLoaders: PostLoaders,
    private readonly posts: PostRepository,
    private readonly threads: ThreadRepository,
    private readonly management: ThreadManagementService,
    private readonly readers: ContentReaders,
  ) {}

  register(): void {
    this.registry.register(this.threadKind());
    this.registry.register(this.postKind());
    // Posts are deleted (a placeholder stays), threads locked; as PostService.delete, the
    // thread's counter moves only when this decision deleted the post.
    this.decisions.register('Post', ModerationAction.DELETE, {
      change: OutboxChange.DELETED,
      apply: async (manager, item, decision) => {
        const deleted = await this.posts.softDelete(manager, item.id, decision.actorId);
        if (deleted) await this.threads.uncountPost(manager, await this.threadOf(manager, item.id));
        return deleted;
      },
    });
    for (const locked of [true, false]) {
      // One way to lock, as lockThread does: the change, its audit entry and its event.
      this.decisions.register('Thread', locked ? ModerationAction.LOCK : ModerationAction.UNLOCK, {
        change: null,
        apply: (manager, item, { actorId, reason, resolvedFlags }) =>
          this.management.lock(manager, { threadId: item.id, communityId: communityOf(item) }, locked, {
            actorId,
            reason,
            metadata: { resolvedFlags },
          }),
      });
    }
  }

  private threadKind(): ContentKind {
    return {
      type: 'Thread',
      model: Thread,
      readable: (context, ids) => Promise.all(ids.map(async (id) => this.asItem(await this.access.load(context, id)))),
      present: async (context, id) => {
        context.loaders.get(this.threadLoaders.byId).clear(id);
        const found = await this.access.load(context, id);
        return found && Thread.from(found.thread);
      },
      setHidden: (manager, id, hidden) => setHidden(manager, 'thread', id, hidden),
      readersAmong: (manager, id, userIds) => this.readers.among(manager, { threadId: id }, userIds),
      // A thread's opening post is a post: the post kind answers for both.
      hasVisibleContentBy: async () => false,
      document: threadDocument,
      ids: (manager, after, limit) => idsAfter(manager, 'thread', after, limit, { condition: 'deleted_at IS NULL' }),
    };
  }

  private postKind(): ContentKind {
    return {
      type: 'Post',
      model: Post,
      readable: (context, ids) =>
        Promise.all(
          ids.map(async (id) => {
            const post = await context.loaders.get(this.postLoaders.byId).load(id);
            const found = post && (await this.access.load(context, post.threadId));
            return post && found ? postItem(found, post) : null;
          }),
        ),
      present: async (context, id) => {
        const post = await context.loaders.get(this.postLoaders.byId).clear(id).load(id);
        if (post) context.loaders.get(this.threadLoaders.byId).clear(post.threadId);
        return post && (await this.access.load(context, post.threadId)) ? Post.from(post) : null;
      },
      setHidden: (manager, id, hidden) => setHidden(manager, 'post', id, hidden),
      readersAmong: (manager, id, userIds) => this.readers.among(manager, { postId: id }, userIds),
      hasVisibleContentBy: async (userId) => {
        const rows: unknown[] = await this.db.query(
          `SELECT 1 FROM post WHERE author_id = $1 AND deleted_at IS NULL AND hidden_at IS NULL LIMIT 1`,
          [userId],
        );
        return rows.length > 0;
      },
      document: postDocument,
      ids: (manager, after, limit) => idsAfter(manager, 'post', after, limit, { condition: 'deleted_at IS NULL' }),
      authoredBy: async (manager, id, userId) =>
        (await manager.query(`SELECT 1 FROM post WHERE id = $1 AND author_id = $2`, [id, userId])).length > 0,
    };
  }

  private asItem(found: ThreadInContext | null): ContentItem | null {
    return found && threadItem(found);
  }

  private async threadOf(manager: EntityManager, postId: string): Promise<string> {
    const [row]: { threadId: string }[] = await manager.query(`SELECT thread_id AS "threadId" FROM post WHERE id = $1`, [postId]);
    if (!row) throw new Error(`Post ${postId} vanished while it was being deleted`);
    return row.threadId;
  }
}
