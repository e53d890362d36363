import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AuditLog,
  ForbiddenError,
  Outbox,
  OutboxChange,
  UserError,
  UserErrorCode,
  refuse,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
  type Viewer,
} from '@bottega/core';
import { UserLoaders } from '@bottega/identity';
import { PostRepository } from '../posts/post.repository';
import { ThreadManagementService } from '../threads/thread-management.service';
import { ThreadRepository } from '../threads/thread.repository';
import { FlagContentInput, ModerateInput } from './dto/moderation.inputs';
import { ModeratedContentLocator, type ModeratedContent } from './moderated-content';
import type { ContentFlagEntity } from './moderation.entity';
import { ModerationAction } from './moderation.enums';
import { MODERATION_OPTIONS, type ModerationOptions } from './moderation.options';
import { ModerationNotifier } from './moderation.notifier';
import { FlagObstacle, actionApplies, canModerateContent, flagObstacle, flagWeight, isNewAccount } from './moderation.policy';
import { ModerationRepository } from './moderation.repository';

const SUBJECT = ['input', 'subjectId'];

/** What a decision that took effect changes, for the outbox (locks record theirs in ThreadManagementService.lock). */
const OUTBOX_CHANGES: Partial<Record<ModerationAction, OutboxChange>> = {
  [ModerationAction.HIDE]: OutboxChange.HIDDEN,
  [ModerationAction.RESTORE]: OutboxChange.RESTORED,
  [ModerationAction.DELETE]: OutboxChange.DELETED,
};

/** Thrown inside the flag transaction to roll it back when the person already flagged the item. */
class AlreadyFlagged extends Error {}

/** Flags and the decisions that resolve them, each written with its audit entry in one transaction. */
@Injectable()
export class ModerationService {
  constructor(
    @Inject(MODERATION_OPTIONS) private readonly options: ModerationOptions,
    private readonly repository: ModerationRepository,
    private readonly contents: ModeratedContentLocator,
    private readonly posts: PostRepository,
    private readonly threads: ThreadRepository,
    private readonly audit: AuditLog,
    private readonly notifier: ModerationNotifier,
    private readonly userLoaders: UserLoaders,
    private readonly threadManagement: ThreadManagementService,
    private readonly outbox: Outbox,
  ) {}

  async flag(input: FlagContentInput, context: RequestContext): Promise<Outcome<ContentFlagEntity>> {
    const viewer = await context.requireViewer();
    const content = await this.contents.readable(context, input.subjectId, SUBJECT);
    const note = input.note?.trim() || null;
    const errors = await validateInput(FlagContentInput, { ...input, note });
    switch (flagObstacle(viewer, content.facts, content)) {
      case FlagObstacle.OWN_CONTENT:
        errors.push(UserError.of(UserErrorCode.INVALID, 'You cannot flag what you wrote.', SUBJECT));
        break;
      case FlagObstacle.GONE:
        errors.push(UserError.of(UserErrorCode.INVALID_STATE, 'This is deleted or already hidden for review.', SUBJECT));
        break;
      case null:
        break;
    }
    if (errors.length > 0) return refuse(...errors);
    const weight = await this.weightOf(viewer, content, context);
    try {
      return succeed(
        await this.repository.transaction(async (manager) => {
          const caseId = await this.repository.openCase(manager, content, content.community.id);
          const flag = await this.repository.addFlag(manager, caseId, { flaggerId: viewer.userId, reason: input.reason, note, weight });
          if (!flag) throw new AlreadyFlagged();
          const threshold = this.options.flagAutoHideThreshold;
          const hidden = await this.repository.hideWhenFlagged(manager, content, caseId, threshold);
          if (hidden !== null) {
            const { pendingFlags, pendingWeight } = hidden;
            await this.outbox.record(manager, { kind: content.type, subjectId: content.id, change: OutboxChange.HIDDEN });
            await this.audit.record(manager, {
              actorId: null,
              action: 'AUTO_HIDE',
              subject: { type: content.type, id: content.id },
              reason: `Flagged by ${pendingFlags} people, weighing ${pendingWeight}.`,
              metadata: { threshold, pendingFlags, pendingWeight, communityId: content.community.id },
            });
            await this.notifier.hidden(manager, content, { actorId: null, reason: null, reasonCodes: hidden.reasons });
          }
          return flag;
        }),
      );
    } catch (error) {
      if (error instanceof AlreadyFlagged) return refuse(UserError.of(UserErrorCode.TAKEN, 'You have already flagged this.', SUBJECT));
      throw error;
    }
  }

  async moderate(input: ModerateInput, context: RequestContext): Promise<Outcome<ModeratedContent>> {
    const viewer = await context.requireViewer();
    const content = await this.contents.readable(context, input.subjectId, SUBJECT);
    if (!canModerateContent(viewer, content.facts)) {
      throw new ForbiddenError('Only the coordinators of this community and site moderators moderate its content.');
    }
    const reason = input.reason.trim();
    const errors = await validateInput(ModerateInput, { ...input, reason });
    if (!actionApplies(input.action, content.type)) {
      errors.push(UserError.of(UserErrorCode.INVALID, `${input.action} does not apply to a ${content.type.toLowerCase()}.`, ['input', 'action']));
    } else if (content.deletedAt && input.action !== ModerationAction.DISMISS_FLAGS) {
      errors.push(UserError.of(UserErrorCode.INVALID_STATE, 'This post is deleted; only its flags can be dismissed.', SUBJECT));
    }
    if (errors.length > 0) return refuse(...errors);
    await this.repository.transaction(async (manager) => {
      const resolvedFlags = await this.repository.resolveCase(manager, content, viewer.userId, input.action);
      if (input.action === ModerationAction.LOCK || input.action === ModerationAction.UNLOCK) {
        // One way to lock, as lockThread does: the change, its audit entry and its event.
        const actor = { actorId: viewer.userId, reason, metadata: { resolvedFlags } };
        await this.threadManagement.lock(manager, content, input.action === ModerationAction.LOCK, actor);
        return;
      }
      const changed = await this.apply(manager, input.action, content, viewer.userId);
      const change = changed ? OUTBOX_CHANGES[input.action] : undefined;
      if (change) await this.outbox.record(manager, { kind: content.type, subjectId: content.id, change });
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action: input.action,
        subject: { type: content.type, id: content.id },
        reason,
        metadata: { changed, resolvedFlags, communityId: content.community.id },
      });
      if (changed && input.action === ModerationAction.HIDE) {
        await this.notifier.hidden(manager, content, { actorId: viewer.userId, reason, reasonCodes: [] });
      }
    });
    return succeed(content);
  }

  /** The weight the viewer's flag on this item carries (see `flagWeight`). */
  private async weightOf(viewer: Viewer, content: ModeratedContent, context: RequestContext): Promise<number> {
    const threshold = this.options.flagAutoHideThreshold;
    const newAccountDays = this.options.newAccounts.days;
    const coordinates = canModerateContent(viewer, content.facts);
    const user = await context.loaders.get(this.userLoaders.byId).load(viewer.userId);
    const accountCreatedAt = user?.createdAt ?? new Date();
    // Only an established account's posts can change its weight; spare the query otherwise.
    const hasPosts = !coordinates && !isNewAccount(accountCreatedAt, newAccountDays) && (await this.repository.hasVisiblePosts(viewer.userId));
    return flagWeight({ coordinates, accountCreatedAt, hasPosts }, { threshold, newAccountDays });
  }

  /** Carries out a decision; false when it was already in effect (it still resolves the flags). */
  private async apply(manager: EntityManager, action: ModerationAction, content: ModeratedContent, actorId: string): Promise<boolean> {
    switch (action) {
      case ModerationAction.HIDE:
      case ModerationAction.RESTORE:
        return this.repository.setHidden(manager, content, action === ModerationAction.HIDE);
      case ModerationAction.DELETE: {
        // As PostService.delete: the thread's counter moves only when this call deleted the post.
        const deleted = await this.posts.softDelete(manager, content.id, actorId);
        if (deleted) await this.threads.uncountPost(manager, content.thread.id);
        return deleted;
      }
      case ModerationAction.LOCK:
      case ModerationAction.UNLOCK:
        throw new Error('Locks go through ThreadManagementService.lock.');
      case ModerationAction.DISMISS_FLAGS:
        return false;
    }
  }
}
