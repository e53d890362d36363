import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  ForbiddenError,
  NotFoundError,
  Outbox,
  OutboxChange,
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
import { AcceptAnswerInput, EditThreadInput, StartThreadInput } from './dto/thread.inputs';
import { ThreadAccess } from './thread.access';
import type { ThreadEntity } from './thread.entity';
import { ThreadActivityKind, communityEvent } from './thread.events';
import { ThreadLoaders } from './thread.loaders';
import { ThreadNotifier } from './thread.notifier';
import { canAcceptAnswer, canEditThread, canPost } from './thread.policy';
import { ThreadRepository } from './thread.repository';

/** Title, tags and territories as given, normalised; a field left out is null. */
interface ThreadFields {
  title: string | null;
  tags: string[] | null;
  territoryIds: string[] | null;
  errors: UserError[];
}

/** Starting and editing threads, and their accepted answer. */
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
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  async start(input: StartThreadInput, context: RequestContext): Promise<Outcome<ThreadEntity>> {
    const viewer = await context.requireViewer();
    await this.postingLimits.check(context);
    const community = await this.communities.readable(context, input.communityId, ['input', 'communityId']);
    if (!canPost(viewer, await this.communities.facts(context, community))) {
      throw new ForbiddenError('Join this community to start a thread in it.');
    }
    const fields = await this.fields(StartThreadInput, input, context);
    const prepared = await this.renderer.prepare(input.body, context, ['input', 'body'], community);
    if (prepared instanceof UserError) fields.errors.push(prepared);
    if (fields.errors.length > 0 || prepared instanceof UserError) return refuse(...fields.errors);
    const title = fields.title ?? '';
    const tags = fields.tags ?? [];
    const territoryIds = fields.territoryIds ?? [];
    const followedTerritoryIds = await this.withAncestors(territoryIds, context);

    const thread = await this.threads.transaction(async (manager) => {
      const created = await this.threads.insert(
        manager,
        { communityId: community.id, authorId: viewer.userId, kind: input.kind, title },
        { tags, territoryIds },
      );
      const post = await this.posts.insert(manager, { threadId: created.id, authorId: viewer.userId, replyToId: null, ...prepared.body }, prepared.mentionedUserIds);
      await this.threads.countPost(manager, created.id, viewer.userId);
      await this.outbox.record(manager, { kind: 'Thread', subjectId: created.id, change: OutboxChange.CREATED, payload: { communityId: community.id } });
      await this.outbox.record(manager, { kind: 'Post', subjectId: post.id, change: OutboxChange.CREATED, payload: { threadId: created.id } });
      await this.notifier.threadStarted(manager, {
        communityId: community.id,
        threadId: created.id,
        postId: post.id,
        authorId: viewer.userId,
        mentionedUserIds: prepared.mentionedUserIds,
        tags,
        territoryIds: followedTerritoryIds,
      });
      await this.pubsub.publish(communityEvent(community.id, ThreadActivityKind.THREAD_STARTED, created.id, post.id), manager);
      return created;
    });
    return succeed(await context.loaders.reload(this.loaders.byId, thread.id));
  }

  /**
   * Changes the title, tags or territories, under the rules of `start`. An edit
   * names the version it started from; a stale one is a CONFLICT. Followers of
   * tags and territories it gains hear of the thread; coordinators' and staff's
   * edits of others' threads are audited.
   */
  async edit(input: EditThreadInput, context: RequestContext): Promise<Outcome<ThreadEntity>> {
    const viewer = await context.requireViewer();
    const { thread, community, facts } = await this.access.readable(context, input.threadId, ['input', 'threadId']);
    if (!canEditThread(viewer, facts, thread)) {
      throw new ForbiddenError(
        thread.authorId === viewer.userId ? 'This thread is locked; ask a coordinator to change it.' : 'Only the author and the coordinators edit a thread.',
      );
    }
    const reason = input.reason?.trim() || null;
    const fields = await this.fields(EditThreadInput, { ...input, reason }, context);
    if (fields.title === null && fields.tags === null && fields.territoryIds === null) {
      fields.errors.push(UserError.of(UserErrorCode.REQUIRED, 'Change the title, the tags or the territories.', ['input']));
    }
    if (fields.errors.length > 0) return refuse(...fields.errors);
    const byOther = thread.authorId !== viewer.userId;
    const before = byOther ? await this.linksOf(thread.id, context) : null;

    const version = await this.threads.transaction(async (manager) => {
      const next = await this.threads.edit(manager, thread.id, input.version, fields.title);
      if (next === null) return null;
      await this.outbox.record(manager, { kind: 'Thread', subjectId: thread.id, change: OutboxChange.EDITED });
      const tags = fields.tags && (await this.threads.replaceTags(manager, thread.id, fields.tags));
      const territoryIds = fields.territoryIds && (await this.threads.replaceTerritories(manager, thread.id, fields.territoryIds));
      await this.notifier.newlyAbout(manager, {
        communityId: community.id,
        threadId: thread.id,
        authorId: thread.authorId,
        tags: tags ?? [],
        territoryIds: await this.withAncestors(territoryIds ?? [], context),
      });
      if (before) {
        await this.audit.record(manager, {
          actorId: viewer.userId,
          action: 'EDIT',
          subject: { type: 'Thread', id: thread.id },
          reason,
          metadata: { communityId: community.id, version: next, before: { title: thread.title, ...before } },
        });
      }
      await this.pubsub.publish(communityEvent(community.id, ThreadActivityKind.THREAD_EDITED, thread.id), manager);
      return next;
    });
    if (version === null) {
      return refuse(UserError.of(UserErrorCode.CONFLICT, 'This thread changed since you opened it; reload it and edit again.', ['input', 'version']));
    }
    context.loaders.get(this.loaders.tags).clear(thread.id);
    context.loaders.get(this.loaders.territoryIds).clear(thread.id);
    return succeed(await context.loaders.reload(this.loaders.byId, thread.id));
  }

  /**
   * Accepts a reply as the answer (or, with `accepted: false`, withdraws it).
   * Whether the post may be the answer is decided by one conditional UPDATE,
   * so a reply deleted at the same moment is never left accepted. The asker's
   * choices are theirs; a coordinator's on someone else's question is audited.
   */
  async acceptAnswer(input: AcceptAnswerInput, context: RequestContext): Promise<Outcome<ThreadEntity>> {
    const viewer = await context.requireViewer();
    const post = await context.loaders.get(this.postLoaders.byId).load(fromGlobalId(input.postId, 'Post', ['input', 'postId']));
    const found = post && (await this.access.load(context, post.threadId));
    if (!post || !found) throw new NotFoundError('Post', input.postId);
    const { thread, community, facts } = found;
    if (!canAcceptAnswer(viewer, facts, thread)) {
      throw new ForbiddenError('Only the asker and the coordinators choose the answer to a question.');
    }
    const changed = await this.threads.transaction(async (manager) => {
      let previous: string | null = null;
      if (input.accepted) {
        const accepted = await this.threads.acceptPost(manager, thread.id, post.id);
        if (!accepted) return false;
        previous = accepted.previous;
        await this.notifier.answerAccepted(manager, {
          communityId: community.id,
          threadId: thread.id,
          postId: post.id,
          answerAuthorId: post.authorId,
          actorId: viewer.userId,
        });
      } else if (!(await this.threads.unacceptPost(manager, thread.id, post.id))) {
        return false;
      }
      if (thread.authorId !== viewer.userId) {
        await this.audit.record(manager, {
          actorId: viewer.userId,
          action: input.accepted ? 'ACCEPT_ANSWER' : 'UNACCEPT_ANSWER',
          subject: { type: 'Thread', id: thread.id },
          metadata: { communityId: community.id, postId: post.id, ...(input.accepted ? { previous } : {}) },
        });
      }
      await this.pubsub.publish(communityEvent(community.id, ThreadActivityKind.STATUS_CHANGED, thread.id, post.id), manager);
      return true;
    });
    if (!changed) {
      return refuse(
        input.accepted
          ? UserError.of(UserErrorCode.INVALID_STATE, 'Accept a reply that is still there, not the question itself.', ['input', 'postId'])
          : UserError.of(UserErrorCode.INVALID_STATE, 'This reply is not the accepted answer.', ['input', 'postId']),
      );
    }
    return succeed(await context.loaders.reload(this.loaders.byId, thread.id));
  }

  /** The title, tags and territories of a start or an edit, normalised and checked the same way. */
  private async fields(
    type: typeof StartThreadInput | typeof EditThreadInput,
    input: { title?: string | null; tags?: string[] | null; territoryIds?: string[] | null; reason?: string | null },
    context: RequestContext,
  ): Promise<ThreadFields> {
    const territoryIds = input.territoryIds == null ? null : await this.territoryIds(input.territoryIds, context);
    const title = input.title == null ? null : input.title.trim().replace(/\s+/g, ' ');
    const tags = input.tags == null ? null : [...new Set(input.tags.map((tag) => slugify(tag, 40)).filter(Boolean))];
    const errors = await validateInput<object>(type, { ...input, title });
    if ((input.tags ?? []).some((tag) => slugify(tag, 40).length < 2)) {
      errors.push(UserError.of(UserErrorCode.TOO_SHORT, 'A tag has at least 2 letters or digits.', ['input', 'tags']));
    }
    return { title, tags, territoryIds, errors };
  }

  /** The thread's tags and territories as they are, for the audit entry of an edit. */
  private async linksOf(threadId: string, context: RequestContext) {
    const [tags, territoryIds] = await Promise.all([
      context.loaders.get(this.loaders.tags).load(threadId),
      context.loaders.get(this.loaders.territoryIds).load(threadId),
    ]);
    return { tags, territoryIds };
  }

  /** The territories with those above them: followers of a region hear of threads about its provinces and districts. */
  private async withAncestors(territoryIds: string[], context: RequestContext): Promise<string[]> {
    const ancestors = await context.loaders.get(this.territoryLoaders.ancestorsOf).loadMany(territoryIds);
    return [...new Set([...territoryIds, ...ancestors.flatMap((found) => (Array.isArray(found) ? found.map((a) => a.id) : []))])];
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
