import { Injectable } from '@nestjs/common';
import {
  ForbiddenError,
  NotFoundError,
  Outbox,
  OutboxChange,
  PgPubSub,
  UserError,
  UserErrorCode,
  fromGlobalId,
  refuse,
  succeed,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { PostingLimits } from '../moderation/posting-limits';
import { ThreadManagementService } from '../threads/thread-management.service';
import { ThreadAccess, type ThreadInContext } from '../threads/thread.access';
import { ThreadActivityKind, communityEvent, postAddedEvent } from '../threads/thread.events';
import { ThreadLoaders } from '../threads/thread.loaders';
import { ThreadNotifier } from '../threads/thread.notifier';
import { canDeleteThread, canPost, canReply } from '../threads/thread.policy';
import { ThreadRepository } from '../threads/thread.repository';
import type { EditPostInput, ReactInput, ReplyToThreadInput } from './dto/post.inputs';
import { PostBodyRenderer } from './post-body.renderer';
import type { PostEntity } from './post.entity';
import { PostLoaders } from './post.loaders';
import { canDeletePost, canEditPost } from './post.policy';
import { PostRepository } from './post.repository';

const LOCKED = 'This thread is locked.';

/** Replies, edits with history, soft deletes and reactions. */
@Injectable()
export class PostService {
  constructor(
    private readonly posts: PostRepository,
    private readonly threads: ThreadRepository,
    private readonly access: ThreadAccess,
    private readonly renderer: PostBodyRenderer,
    private readonly loaders: PostLoaders,
    private readonly threadLoaders: ThreadLoaders,
    private readonly pubsub: PgPubSub,
    private readonly notifier: ThreadNotifier,
    private readonly postingLimits: PostingLimits,
    private readonly threadManagement: ThreadManagementService,
    private readonly outbox: Outbox,
  ) {}

  async reply(input: ReplyToThreadInput, context: RequestContext): Promise<Outcome<PostEntity>> {
    const viewer = await context.requireViewer();
    await this.postingLimits.check(context);
    const { thread, community, facts } = await this.access.readable(context, input.threadId, ['input', 'threadId']);
    if (!canPost(viewer, facts)) throw new ForbiddenError('Join this community to reply.');
    if (!canReply(viewer, facts, thread)) throw new ForbiddenError(LOCKED);
    const replyToId = input.replyToId ? await this.replyTarget(input.replyToId, thread.id, context) : null;
    const prepared = await this.renderer.prepare(input.body, context, ['input', 'body'], community);
    if (prepared instanceof UserError) return refuse(prepared);

    const post = await this.posts.transaction(async (manager) => {
      const created = await this.posts.insert(
        manager,
        { threadId: thread.id, authorId: viewer.userId, replyToId, ...prepared.body },
        prepared.mentionedUserIds,
      );
      // The thread may have been locked or deleted since it was read: the conditional count decides, and rolls the post back.
      const counted = await this.threads.countPost(manager, thread.id, viewer.userId);
      if (counted === 'LOCKED') throw new ForbiddenError(LOCKED);
      if (counted === 'GONE') throw new NotFoundError('Thread', input.threadId);
      await this.outbox.record(manager, { kind: 'Post', subjectId: created.id, change: OutboxChange.CREATED, payload: { threadId: thread.id } });
      await this.notifier.replied(manager, {
        communityId: community.id,
        threadId: thread.id,
        postId: created.id,
        authorId: viewer.userId,
        mentionedUserIds: prepared.mentionedUserIds,
      });
      await this.pubsub.publish(postAddedEvent(thread.id, created.id), manager);
      await this.pubsub.publish(communityEvent(community.id, ThreadActivityKind.POST_ADDED, thread.id, created.id), manager);
      return created;
    });
    context.loaders.get(this.threadLoaders.byId).clear(thread.id);
    return succeed(post);
  }

  async edit(input: EditPostInput, context: RequestContext): Promise<Outcome<PostEntity>> {
    const viewer = await context.requireViewer();
    const { post, community } = await this.readable(input.postId, context);
    if (!canEditPost(viewer, post)) throw new ForbiddenError('Only the author edits a post.');
    const prepared = await this.renderer.prepare(input.body, context, ['input', 'body'], community);
    if (prepared instanceof UserError) return refuse(prepared);
    const version = await this.posts.transaction(async (manager) => {
      const next = await this.posts.edit(manager, post.id, input.version, prepared.body, viewer.userId);
      if (next !== null) {
        await this.outbox.record(manager, { kind: 'Post', subjectId: post.id, change: OutboxChange.EDITED });
        await this.posts.mention(manager, post.id, prepared.mentionedUserIds);
        await this.notifier.mentionedInEdit(manager, {
          communityId: community.id,
          threadId: post.threadId,
          postId: post.id,
          authorId: viewer.userId,
          mentionedUserIds: prepared.mentionedUserIds,
        });
      }
      return next;
    });
    if (version === null) {
      return refuse(
        UserError.of(UserErrorCode.CONFLICT, 'This post changed since you opened it; reload it and edit again.', ['input', 'version']),
      );
    }
    return succeed(await context.loaders.reload(this.loaders.byId, post.id));
  }

  async delete(postId: string, context: RequestContext): Promise<Outcome<PostEntity>> {
    const viewer = await context.requireViewer();
    const found = await this.readable(postId, context);
    const { post, facts } = found;
    const opening = await context.loaders.get(this.threadLoaders.openingPost).load(post.threadId);
    if (opening?.id === post.id && canDeleteThread(viewer, facts, found.thread)) {
      // A thread without its opening post is an empty shell in every list: the thread goes with it. Once
      // others have replied, its author may only withdraw the post (as Discourse does) and the replies stay.
      const removed = await this.threadManagement.remove(found, viewer, null, context);
      return removed.ok ? succeed(post) : refuse(...removed.errors);
    }
    if (!canDeletePost(viewer, facts, post)) {
      if (post.deletedAt) return refuse(UserError.of(UserErrorCode.INVALID_STATE, 'This post is already deleted.', ['input', 'postId']));
      throw new ForbiddenError('Only the author and the coordinators delete a post.');
    }
    await this.posts.transaction(async (manager) => {
      if (!(await this.posts.softDelete(manager, post.id, viewer.userId))) return;
      await this.threads.uncountPost(manager, post.threadId);
      await this.outbox.record(manager, { kind: 'Post', subjectId: post.id, change: OutboxChange.DELETED });
    });
    context.loaders.get(this.threadLoaders.byId).clear(post.threadId);
    return succeed(await context.loaders.reload(this.loaders.byId, post.id));
  }

  async react(input: ReactInput, context: RequestContext): Promise<Outcome<PostEntity>> {
    const viewer = await context.requireViewer();
    const { post } = await this.readable(input.postId, context);
    if (post.deletedAt) throw new ForbiddenError('This post is deleted.');
    if (!(await this.posts.react(post.id, viewer.userId, input.kind, input.on))) {
      return refuse(
        input.on
          ? UserError.of(UserErrorCode.TAKEN, 'You already reacted this way.', ['input', 'kind'])
          : UserError.of(UserErrorCode.INVALID_STATE, 'You had not reacted this way.', ['input', 'kind']),
      );
    }
    context.loaders.get(this.loaders.reactions).clearAll();
    return succeed(post);
  }

  /** A post whose thread the viewer may read; NOT_FOUND otherwise. */
  async readable(globalId: string, context: RequestContext): Promise<ThreadInContext & { post: PostEntity }> {
    const post = await context.loaders.get(this.loaders.byId).load(fromGlobalId(globalId, 'Post', ['input', 'postId']));
    const found = post && (await this.access.load(context, post.threadId));
    if (!post || !found) throw new NotFoundError('Post', globalId);
    return { ...found, post };
  }

  private async replyTarget(globalId: string, threadId: string, context: RequestContext): Promise<string> {
    const target = await context.loaders.get(this.loaders.byId).load(fromGlobalId(globalId, 'Post', ['input', 'replyToId']));
    if (!target || target.threadId !== threadId) throw new NotFoundError('Post', globalId);
    return target.id;
  }
}
