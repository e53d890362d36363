import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AuditLog,
  ForbiddenError,
  Outbox,
  OutboxChange,
  PgPubSub,
  UserError,
  UserErrorCode,
  refuse,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
  type Viewer,
} from '@bottega/core';
import { ModerationAction, ModerationCases, type ContentRef } from '@bottega/moderation';
import { CommunityAccess } from '../communities/community.access';
import { moderatorsOf } from '../communities/community.audience';
import { canCoordinate } from '../communities/community.policy';
import { DeleteThreadInput, MoveThreadInput, ThreadFlagInput } from './dto/thread.inputs';
import { ThreadAccess, type ThreadInContext } from './thread.access';
import type { ThreadEntity } from './thread.entity';
import { ThreadActivityKind, communityEvent, threadChangedEvent } from './thread.events';
import { ThreadLoaders } from './thread.loaders';
import { canDeleteThread, canModerateThread, canMoveThread } from './thread.policy';
import { ThreadRepository } from './thread.repository';

/** Who acts and why, for the audit entry; `metadata` adds to what the action records itself. */
export interface ThreadActor {
  actorId: string;
  reason: string | null;
  metadata?: Record<string, unknown>;
}

/**
 * What the people who run a community do to its threads: lock, pin, delete,
 * move. Each runs in one transaction with its audit entry and its live event.
 */
@Injectable()
export class ThreadManagementService {
  constructor(
    private readonly threads: ThreadRepository,
    private readonly access: ThreadAccess,
    private readonly communities: CommunityAccess,
    private readonly loaders: ThreadLoaders,
    private readonly audit: AuditLog,
    private readonly pubsub: PgPubSub,
    private readonly outbox: Outbox,
    private readonly cases: ModerationCases,
  ) {}

  async setLocked(input: ThreadFlagInput, context: RequestContext): Promise<Outcome<ThreadEntity>> {
    const viewer = await context.requireViewer();
    const found = await this.moderated(viewer, input.threadId, context);
    const reason = input.reason?.trim() || null;
    const errors = await validateInput(ThreadFlagInput, { ...input, reason });
    if (errors.length > 0) return refuse(...errors);
    await this.threads.transaction((manager) => this.lock(manager, { threadId: found.thread.id, communityId: found.community.id }, input.on, { actorId: viewer.userId, reason }));
    return succeed(await context.loaders.reload(this.loaders.byId, found.thread.id));
  }

  /**
   * The one way a thread is locked or unlocked (`lockThread` and `moderate`),
   * in the caller's transaction: the change, its audit entry and its event.
   * Returns false when the thread already was so.
   */
  async lock(manager: EntityManager, target: { threadId: string; communityId: string }, locked: boolean, actor: ThreadActor): Promise<boolean> {
    const changed = await this.threads.setLocked(manager, target.threadId, locked);
    await this.audit.record(manager, {
      actorId: actor.actorId,
      action: locked ? 'LOCK' : 'UNLOCK',
      subject: { type: 'Thread', id: target.threadId },
      reason: actor.reason,
      metadata: { changed, communityId: target.communityId, ...actor.metadata },
    });
    if (changed) {
      await this.outbox.record(manager, { kind: 'Thread', subjectId: target.threadId, change: OutboxChange.EDITED, payload: { locked } });
      await this.pubsub.publish(communityEvent(target.communityId, ThreadActivityKind.STATUS_CHANGED, target.threadId), manager);
    }
    return changed;
  }

  async setPinned(input: ThreadFlagInput, context: RequestContext): Promise<Outcome<ThreadEntity>> {
    const viewer = await context.requireViewer();
    const { thread, community } = await this.moderated(viewer, input.threadId, context);
    const reason = input.reason?.trim() || null;
    const errors = await validateInput(ThreadFlagInput, { ...input, reason });
    if (errors.length > 0) return refuse(...errors);
    await this.threads.transaction(async (manager) => {
      const changed = await this.threads.setPinned(manager, thread.id, input.on);
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action: input.on ? 'PIN' : 'UNPIN',
        subject: { type: 'Thread', id: thread.id },
        reason,
        metadata: { changed, communityId: community.id },
      });
      if (changed) await this.pubsub.publish(communityEvent(community.id, ThreadActivityKind.STATUS_CHANGED, thread.id), manager);
    });
    return succeed(await context.loaders.reload(this.loaders.byId, thread.id));
  }

  async delete(input: DeleteThreadInput, context: RequestContext): Promise<Outcome<string>> {
    const viewer = await context.requireViewer();
    const found = await this.access.readable(context, input.threadId, ['input', 'threadId']);
    const reason = input.reason?.trim() || null;
    if (!canDeleteThread(viewer, found.facts, found.thread)) throw this.cannotDelete(viewer, found);
    const errors = await validateInput(DeleteThreadInput, { ...input, reason });
    if (errors.length > 0) return refuse(...errors);
    return this.remove(found, viewer, reason, context);
  }

  /**
   * Soft-deletes a thread the viewer may delete (`deleteThread`, and
   * `deletePost` on its opening post): gone from lists, `node`, subscriptions
   * and notifications, since all of them read it through `ThreadAccess`.
   */
  async remove(found: ThreadInContext, viewer: Viewer, reason: string | null, context: RequestContext): Promise<Outcome<string>> {
    const { thread, community, facts } = found;
    if (!canDeleteThread(viewer, facts, thread)) throw this.cannotDelete(viewer, found);
    const deleted = await this.threads.transaction(async (manager) => {
      // The pending cases of the thread and its posts are resolved with it, since nobody can act on them any more.
      const cases = await this.lockCases(manager, thread.id);
      if (!(await this.threads.softDelete(manager, thread.id, viewer.userId, !canCoordinate(viewer, facts)))) return false;
      const resolvedFlags = await this.cases.resolve(manager, cases, viewer.userId, ModerationAction.DELETE);
      await this.outbox.record(manager, { kind: 'Thread', subjectId: thread.id, change: OutboxChange.DELETED, payload: { communityId: community.id } });
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action: 'DELETE',
        subject: { type: 'Thread', id: thread.id },
        reason,
        metadata: { communityId: community.id, authorId: thread.authorId, postCount: thread.postCount, resolvedFlags },
      });
      await this.pubsub.publish(threadChangedEvent(thread.id), manager);
      return true;
    });
    context.loaders.get(this.loaders.byId).clear(thread.id);
    if (!deleted) {
      return refuse(
        UserError.of(UserErrorCode.INVALID_STATE, 'Someone has replied in the meantime; only the coordinators can delete the thread now.', [
          'input',
          'threadId',
        ]),
      );
    }
    return succeed(thread.id);
  }

  async move(input: MoveThreadInput, context: RequestContext): Promise<Outcome<ThreadEntity>> {
    const viewer = await context.requireViewer();
    const { thread, community, facts } = await this.access.readable(context, input.threadId, ['input', 'threadId']);
    const target = await this.communities.readable(context, input.communityId, ['input', 'communityId']);
    if (!canMoveThread(viewer, facts, await this.communities.facts(context, target))) {
      throw new ForbiddenError('Moving a thread takes a coordinator of both communities.');
    }
    const reason = input.reason?.trim() || null;
    const errors = await validateInput(MoveThreadInput, { ...input, reason });
    if (target.id === community.id) {
      errors.push(UserError.of(UserErrorCode.INVALID_STATE, 'The thread is already in this community.', ['input', 'communityId']));
    }
    if (errors.length > 0) return refuse(...errors);
    const moved = await this.threads.transaction(async (manager) => {
      // Its moderation cases move with it, so the new community's coordinators see them.
      const cases = await this.lockCases(manager, thread.id);
      if (!(await this.threads.move(manager, thread.id, community.id, target.id))) return false;
      await this.cases.rescope(manager, cases, { communityId: target.id, moderators: moderatorsOf(target.id) });
      await this.outbox.record(manager, { kind: 'Thread', subjectId: thread.id, change: OutboxChange.MOVED, payload: { from: community.id, to: target.id } });
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action: 'MOVE',
        subject: { type: 'Thread', id: thread.id },
        reason,
        metadata: { from: community.id, to: target.id },
      });
      await this.pubsub.publishMany(
        [
          communityEvent(community.id, ThreadActivityKind.THREAD_MOVED, thread.id),
          communityEvent(target.id, ThreadActivityKind.THREAD_MOVED, thread.id),
          threadChangedEvent(thread.id),
        ],
        manager,
      );
      return true;
    });
    if (!moved) {
      return refuse(UserError.of(UserErrorCode.CONFLICT, 'This thread was moved or deleted in the meantime; reload it.', ['input', 'threadId']));
    }
    return succeed(await context.loaders.reload(this.loaders.byId, thread.id));
  }

  /** Locks the cases of the thread and its posts before the thread, as flagging does, and names them. */
  private async lockCases(manager: EntityManager, threadId: string): Promise<ContentRef[]> {
    const posts = await this.threads.postIdsOf(manager, threadId);
    const cases = [{ type: 'Thread', id: threadId }, ...posts.map((id) => ({ type: 'Post', id }))];
    await this.cases.lock(manager, cases);
    return cases;
  }

  private async moderated(viewer: Viewer, threadId: string, context: RequestContext): Promise<ThreadInContext> {
    const found = await this.access.readable(context, threadId, ['input', 'threadId']);
    if (!canModerateThread(viewer, found.facts)) throw new ForbiddenError('Only the coordinators lock and pin threads.');
    return found;
  }

  private cannotDelete(viewer: Viewer, { thread }: ThreadInContext): ForbiddenError {
    return new ForbiddenError(
      thread.authorId === viewer.userId
        ? 'Others have posted in this thread; only the coordinators can delete it now.'
        : 'Only the author and the coordinators delete a thread.',
    );
  }
}
