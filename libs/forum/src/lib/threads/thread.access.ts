import { Injectable } from '@nestjs/common';
import { NotFoundError, fromGlobalId, type RequestContext } from '@bottega/core';
import { CommunityAccess } from '../communities/community.access';
import type { CommunityEntity } from '../communities/community.entity';
import { CommunityLoaders } from '../communities/community.loaders';
import type { CommunityAccessFacts } from '../communities/community.policy';
import { THREAD_AUDIENCE, threadFacts } from './thread.audience';
import type { ThreadEntity } from './thread.entity';
import { ThreadLoaders } from './thread.loaders';

export interface ThreadInContext {
  thread: ThreadEntity;
  community: CommunityEntity;
  facts: CommunityAccessFacts;
}

/** A thread is readable by its {@link THREAD_AUDIENCE}. */
@Injectable()
export class ThreadAccess {
  constructor(
    private readonly threadLoaders: ThreadLoaders,
    private readonly communityLoaders: CommunityLoaders,
    private readonly communities: CommunityAccess,
  ) {}

  /**
   * The thread and the viewer's standing in its community, or null when the
   * viewer may not read it; decided once per request for each thread, however
   * many posts and fields ask.
   */
  async load(context: RequestContext, threadId: string): Promise<ThreadInContext | null> {
    const viewer = await context.viewer();
    return context.loaders.memo(`thread-access:${viewer?.sessionId ?? ''}:${threadId}`, () => this.decide(context, threadId));
  }

  private async decide(context: RequestContext, threadId: string): Promise<ThreadInContext | null> {
    // The viewer's principals are read while the thread is.
    const [thread, principals] = await Promise.all([
      context.loaders.get(this.threadLoaders.byId).load(threadId),
      this.communities.principals(context),
    ]);
    if (!thread) return null;
    const { community } = thread;
    context.loaders.get(this.communityLoaders.byId).prime(community.id, community);
    const facts: CommunityAccessFacts = { community: { id: community.id, visibility: community.visibility }, principals };
    return THREAD_AUDIENCE.allows(threadFacts(thread, community), facts.principals) ? { thread, community, facts } : null;
  }

  /** NOT_FOUND when unknown or unreadable, so private threads are not revealed. */
  async readable(context: RequestContext, globalId: string, field: string[]): Promise<ThreadInContext> {
    const found = await this.load(context, fromGlobalId(globalId, 'Thread', field));
    if (!found) throw new NotFoundError('Thread', globalId);
    return found;
  }
}
