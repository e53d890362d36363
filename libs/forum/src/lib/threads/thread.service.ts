import { Injectable } from '@nestjs/common';
import {
  ForbiddenError,
  NotFoundError,
  PgPubSub,
  UserError,
  UserErrorCode,
  fromGlobalId,
  refuse,
  slugify,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { TerritoryLoaders } from '@bottega/territories';
import { CommunityAccess } from '../communities/community.access';
import { PostingLimits } from '../moderation/posting-limits';
import { PostBodyRenderer } from '../posts/post-body.renderer';
import { PostLoaders } from '../posts/post.loaders';
import { PostRepository } from '../posts/post.repository';
import { StartThreadInput } from './dto/thread.inputs';
import { ThreadAccess } from './thread.access';
import type { ThreadEntity } from './thread.entity';
import { ThreadActivityKind, communityEvent } from './thread.events';
import { ThreadLoaders } from './thread.loaders';
import { ThreadNotifier } from './thread.notifier';
import { canAcceptAnswer, canModerateThread, canPost } from './thread.policy';
import { ThreadRepository } from './thread.repository';

/** Starting threads, and the state of a thread: locked, pinned, accepted answer. */
@Injectable()
export class ThreadService {
  constructor(
    private readonly threads: ThreadRepository,
    private readonly posts: PostRepository,
    private readonly access: ThreadAccess,
    private readonly communities: CommunityAccess,
    private readonly renderer: PostBodyRenderer,
    private readonly loaders: ThreadLoaders,
    private readonly postLoaders: PostLoaders,
    private readonly territoryLoaders: TerritoryLoaders,
    private readonly pubsub: PgPubSub,
    private readonly notifier: ThreadNotifier,
    private readonly postingLimits: PostingLimits,
  ) {}

  async start(input: StartThreadInput, context: RequestContext): Promise<Outcome<ThreadEntity>> {
    const viewer = await context.requireViewer();
    await this.postingLimits.check(context);
    const community = await this.communities.readable(context, input.communityId, ['input', 'communityId']);
    if (!canPost(viewer, await this.communities.facts(context, community))) {
      throw new ForbiddenError('Join this community to start a thread in it.');
    }
    const territoryIds = await this.territoryIds(input.territoryIds ?? [], context);
    // Followers of a region hear of threads about its provinces and districts.
    const ancestorIds = (await context.loaders.get(this.territoryLoaders.ancestorsOf).loadMany(territoryIds)).flatMap((found) =>
      Array.isArray(found) ? found.map((ancestor) => ancestor.id) : [],
    );
    const title = input.title.trim().replace(/\s+/g, ' ');
    const tags = [...new Set((input.tags ?? []).map((tag) => slugify(tag, 40)).filter(Boolean))];
    const errors = await validateInput(StartThreadInput, { ...input, title });
    if ((input.tags ?? []).some((tag) => slugify(tag, 40).length < 2)) {
      errors.push(UserError.of(UserErrorCode.TOO_SHORT, 'A tag has at least 2 letters or digits.', ['input', 'tags']));
    }
    const prepared = await this.renderer.prepare(input.body, context, ['input', 'body']);
    if (prepared instanceof UserError) errors.push(prepared);
    if (errors.length > 0 || prepared instanceof UserError) return refuse(...errors);

    const thread = await this.threads.transaction(async (manager) => {
      const created = await this.threads.insert(
        manager,
        { communityId: community.id, authorId: viewer.userId, kind: input.kind, title },
        { tags, territoryIds },
      );
      const post = await this.posts.insert(manager, { threadId: created.id, authorId: viewer.userId, replyToId: null, ...prepared.body }, prepared.mentionedUserIds);
      await this.threads.countPost(manager, created.id, viewer.userId);
      await this.notifier.threadStarted(manager, {
        communityId: community.id,
        threadId: created.id,
        postId: post.id,
        authorId: viewer.userId,
        mentionedUserIds: prepared.mentionedUserIds,
        tags,
        territoryIds: [...territoryIds, ...ancestorIds],
      });
      await this.pubsub.publish(communityEvent(community.id, ThreadActivityKind.THREAD_STARTED, created.id, post.id), manager);
      return created;
    });
    return succeed(await context.loaders.reload(this.loaders.byId, thread.id));
  }

  async setLocked(threadId: string, locked: boolean, context: RequestContext): Promise<ThreadEntity> {
    const { thread, community } = await this.moderated(threadId, context);
    await this.threads.setLocked(thread.id, locked);
    await this.pubsub.publish(communityEvent(community.id, ThreadActivityKind.STATUS_CHANGED, thread.id));
    return context.loaders.reload(this.loaders.byId, thread.id);
  }

  async setPinned(threadId: string, pinned: boolean, context: RequestContext): Promise<ThreadEntity> {
    const { thread } = await this.moderated(threadId, context);
    await this.threads.setPinned(thread.id, pinned);
    return context.loaders.reload(this.loaders.byId, thread.id);
  }

  async acceptAnswer(postId: string, context: RequestContext): Promise<Outcome<ThreadEntity>> {
    const viewer = await context.requireViewer();
    const post = await context.loaders.get(this.postLoaders.byId).load(fromGlobalId(postId, 'Post', ['input', 'postId']));
    const found = post && (await this.access.load(context, post.threadId));
    if (!post || !found) throw new NotFoundError('Post', postId);
    const { thread, community, facts } = found;
    if (!canAcceptAnswer(viewer, facts, thread)) throw new ForbiddenError('Only the asker and the coordinators accept an answer to a question.');
    const opening = await context.loaders.get(this.loaders.openingPost).load(thread.id);
    if (post.deletedAt || opening?.id === post.id) {
      return refuse(UserError.of(UserErrorCode.INVALID_STATE, 'Accept a reply that is still there, not the question itself.', ['input', 'postId']));
    }
    await this.threads.transaction(async (manager) => {
      await this.threads.setAcceptedPost(manager, thread.id, post.id);
      await this.notifier.answerAccepted(manager, {
        communityId: community.id,
        threadId: thread.id,
        postId: post.id,
        answerAuthorId: post.authorId,
        actorId: viewer.userId,
      });
      await this.pubsub.publish(communityEvent(community.id, ThreadActivityKind.STATUS_CHANGED, thread.id, post.id), manager);
    });
    return succeed(await context.loaders.reload(this.loaders.byId, thread.id));
  }

  private async moderated(threadId: string, context: RequestContext) {
    const viewer = await context.requireViewer();
    const found = await this.access.readable(context, threadId, ['input', 'threadId']);
    if (!canModerateThread(viewer, found.facts)) throw new ForbiddenError('Only the coordinators lock and pin threads.');
    return found;
  }

  private async territoryIds(globalIds: string[], context: RequestContext): Promise<string[]> {
    const byId = new Map(globalIds.map((globalId) => [fromGlobalId(globalId, 'Territory', ['input', 'territoryIds']), globalId]));
    const ids = [...byId.keys()];
    const found = await context.loaders.get(this.territoryLoaders.byId).loadMany(ids);
    const missing = ids.find((_, index) => !found[index] || found[index] instanceof Error);
    if (missing) throw new NotFoundError('Territory', byId.get(missing));
    return ids;
  }
}
