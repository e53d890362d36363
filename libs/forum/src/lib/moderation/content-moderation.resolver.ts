import { ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { Post } from '../posts/post.model';
import { ThreadAccess } from '../threads/thread.access';
import { Thread } from '../threads/thread.model';
import { canFlag, canModerateContent, canRedactRevisions } from './moderation.policy';

/** What the viewer may do about a post, by the same policies `flagContent` and `moderate` apply. */
@Resolver(() => Post)
export class PostModerationResolver {
  constructor(private readonly access: ThreadAccess) {}

  @ResolveField(() => Boolean, { description: 'Whether the viewer may flag this post (not their own, not deleted).' })
  async viewerCanFlag(post: Post, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, post.entity.threadId);
    return found !== null && context.can((viewer) => canFlag(viewer, found.facts, post.entity));
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may hide, restore or delete this post with `moderate`.' })
  async viewerCanModerate(post: Post, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, post.entity.threadId);
    return found !== null && context.can((viewer) => canModerateContent(viewer, found.facts));
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may remove the text of this post’s earlier versions with `redactRevision`.' })
  async viewerCanRedactRevisions(post: Post, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, post.entity.threadId);
    return found !== null && context.can((viewer) => canRedactRevisions(viewer, found.facts));
  }
}

@Resolver(() => Thread)
export class ThreadModerationResolver {
  constructor(private readonly access: ThreadAccess) {}

  @ResolveField(() => Boolean, { description: 'Whether the viewer may flag this thread (not their own).' })
  async viewerCanFlag(thread: Thread, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, thread.dbId);
    return found !== null && context.can((viewer) => canFlag(viewer, found.facts, { ...found.thread, deletedAt: null }));
  }
}
