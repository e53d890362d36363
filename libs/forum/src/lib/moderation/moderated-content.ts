import { Injectable } from '@nestjs/common';
import { BadInputError, NotFoundError, parseGlobalId, type RequestContext } from '@bottega/core';
import type { PostEntity } from '../posts/post.entity';
import { PostLoaders } from '../posts/post.loaders';
import { Post } from '../posts/post.model';
import { ThreadAccess, type ThreadInContext } from '../threads/thread.access';
import type { HideableContent } from '../threads/thread.audience';
import { ThreadLoaders } from '../threads/thread.loaders';
import { Thread } from '../threads/thread.model';
import type { ContentRef } from './moderation.repository';

/** A post or thread the viewer can read, with its thread, community and the viewer's standing there. */
export interface ModeratedContent extends ContentRef, HideableContent, ThreadInContext {
  post: PostEntity | null;
  deletedAt: Date | null;
}

/** Finds the post or thread behind a `subjectId`, for flagging and moderating. */
@Injectable()
export class ModeratedContentLocator {
  constructor(
    private readonly threads: ThreadAccess,
    private readonly postLoaders: PostLoaders,
    private readonly threadLoaders: ThreadLoaders,
  ) {}

  /** BAD_USER_INPUT for an id that is not a post's or thread's; NOT_FOUND when unknown or not visible to the viewer. */
  async readable(context: RequestContext, globalId: string, field: string[]): Promise<ModeratedContent> {
    const decoded = parseGlobalId(globalId);
    if (decoded?.type === 'Thread') {
      const found = await this.threads.load(context, decoded.id);
      if (!found) throw new NotFoundError('Thread', globalId);
      const { thread } = found;
      return { ...found, type: 'Thread', id: thread.id, post: null, authorId: thread.authorId, hiddenAt: thread.hiddenAt, deletedAt: null };
    }
    if (decoded?.type === 'Post') {
      const post = await context.loaders.get(this.postLoaders.byId).load(decoded.id);
      const found = post && (await this.threads.load(context, post.threadId));
      if (!post || !found) throw new NotFoundError('Post', globalId);
      return { ...found, type: 'Post', id: post.id, post, authorId: post.authorId, hiddenAt: post.hiddenAt, deletedAt: post.deletedAt };
    }
    throw new BadInputError(`"${globalId}" is not a valid Post or Thread id.`, field);
  }

  /** The item as it is now, after a change made in this request (to it or to its thread's counters). */
  async current(context: RequestContext, content: ModeratedContent): Promise<Post | Thread | null> {
    if (content.post) context.loaders.get(this.postLoaders.byId).clear(content.post.id);
    context.loaders.get(this.threadLoaders.byId).clear(content.thread.id);
    return this.load(context, content);
  }

  /** The item as the viewer may see it (null when they may not), through the same checks as `node(id:)`. */
  async load(context: RequestContext, content: ContentRef): Promise<Post | Thread | null> {
    if (content.type === 'Thread') {
      const found = await this.threads.load(context, content.id);
      return found && Thread.from(found.thread);
    }
    const post = await context.loaders.get(this.postLoaders.byId).load(content.id);
    return post && (await this.threads.load(context, post.threadId)) ? Post.from(post) : null;
  }
}
