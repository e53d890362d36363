import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AccessDirectory,
  AuditLog,
  ContentRegistry,
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
import { FlagContentInput, ModerateInput } from './dto/moderation.inputs';
import { COMMON_DECISIONS, ModerationDecisions } from './moderation-decisions';
import { ModerationSubjects, type Subject } from './moderation-subjects';
import type { ContentFlagEntity } from './moderation.entity';
import { ModerationAction } from './moderation.enums';
import { MODERATION_OPTIONS, type ModerationOptions } from './moderation.options';
import { ModerationNotifier } from './moderation.notifier';
import { FlagObstacle, canModerate, flagObstacle, flagWeight, isNewAccount } from './moderation.policy';
import { ModerationRepository } from './moderation.repository';

const SUBJECT = ['input', 'subjectId'];

/** Thrown inside the flag transaction to roll it back when the person already flagged the item. */
class AlreadyFlagged extends Error {}

/**
 * Flags and the decisions that resolve them, for every registered kind of
 * content, each written with its audit entry and outbox row in one transaction.
 */
@Injectable()
export class ModerationService {
  constructor(
    @Inject(MODERATION_OPTIONS) private readonly options: ModerationOptions,
    private readonly repository: ModerationRepository,
    private readonly subjects: ModerationSubjects,
    private readonly decisions: ModerationDecisions,
    private readonly registry: ContentRegistry,
    private readonly directory: AccessDirectory,
    private readonly audit: AuditLog,
    private readonly notifier: ModerationNotifier,
    private readonly userLoaders: UserLoaders,
    private readonly outbox: Outbox,
  ) {}

  async flag(input: FlagContentInput, context: RequestContext): Promise<Outcome<ContentFlagEntity>> {
    const viewer = await context.requireViewer();
    const subject = await this.subjects.readable(context, input.subjectId, SUBJECT);
    const { kind, item } = subject;
    const note = input.note?.trim() || null;
    const errors = await validateInput(FlagContentInput, { ...input, note });
    switch (flagObstacle(viewer, item)) {
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
    const weight = await this.weightOf(viewer, subject, context);
    try {
      return succeed(
        await this.repository.transaction(async (manager) => {
          const caseId = await this.repository.openCase(manager, item);
          const flag = await this.repository.addFlag(manager, caseId, { flaggerId: viewer.userId, reason: input.reason, note, weight });
          if (!flag) throw new AlreadyFlagged();
          // The case row is locked, so the sum sees every earlier flag, and only the flag that
          // crosses the threshold while the item is shown hides it: that one records it.
          const threshold = this.options.flagAutoHideThreshold;
          const pending = await this.repository.pending(manager, caseId);
          if (pending.pendingWeight >= threshold && (await kind.setHidden(manager, item.id, true))) {
            const { pendingFlags, pendingWeight } = pending;
            await this.outbox.record(manager, { kind: item.type, subjectId: item.id, change: OutboxChange.HIDDEN });
            await this.audit.record(manager, {
              actorId: null,
              action: 'AUTO_HIDE',
              subject: { type: item.type, id: item.id },
              reason: `Flagged by ${pendingFlags} people, weighing ${pendingWeight}.`,
              metadata: { threshold, pendingFlags, pendingWeight, communityId: item.communityId },
            });
            await this.notifier.hidden(manager, subject, { actorId: null, reason: null, reasonCodes: pending.reasons });
          }
          return flag;
        }),
      );
    } catch (error) {
      if (error instanceof AlreadyFlagged) return refuse(UserError.of(UserErrorCode.TAKEN, 'You have already flagged this.', SUBJECT));
      throw error;
    }
  }

  async moderate(input: ModerateInput, context: RequestContext): Promise<Outcome<Subject>> {
    const viewer = await context.requireViewer();
    const subject = await this.subjects.readable(context, input.subjectId, SUBJECT);
    const { item } = subject;
    if (!canModerate(item, await this.directory.of(context))) {
      throw new ForbiddenError('Only the coordinators of this community and site moderators moderate its content.');
    }
    const reason = input.reason.trim();
    const errors = await validateInput(ModerateInput, { ...input, reason });
    const noun = item.type.toLowerCase();
    if (!this.decisions.applies(item.type, input.action)) {
      errors.push(UserError.of(UserErrorCode.INVALID, `${input.action} does not apply to a ${noun}.`, ['input', 'action']));
    } else if (item.deleted && input.action !== ModerationAction.DISMISS_FLAGS) {
      errors.push(UserError.of(UserErrorCode.INVALID_STATE, `This ${noun} is deleted; only its flags can be dismissed.`, SUBJECT));
    }
    if (errors.length > 0) return refuse(...errors);
    await this.repository.transaction(async (manager) => {
      const resolvedFlags = await this.repository.resolveCase(manager, item, viewer.userId, input.action);
      const own = this.decisions.get(item.type, input.action);
      const decision = { actorId: viewer.userId, reason, resolvedFlags };
      if (own && own.change === null) {
        await own.apply(manager, item, decision);
        return;
      }
      const changed = own ? await own.apply(manager, item, decision) : await this.applyCommon(manager, subject, input.action);
      const change = changed ? (own?.change ?? COMMON_DECISIONS[input.action]) : null;
      if (change) await this.outbox.record(manager, { kind: item.type, subjectId: item.id, change });
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action: input.action,
        subject: { type: item.type, id: item.id },
        reason,
        metadata: { changed, resolvedFlags, communityId: item.communityId },
      });
      if (changed && input.action === ModerationAction.HIDE) {
        await this.notifier.hidden(manager, subject, { actorId: viewer.userId, reason, reasonCodes: [] });
      }
    });
    return succeed(subject);
  }

  /** Whether the account has taken part: content of any kind that is neither hidden nor deleted. */
  private async hasVisibleContent(userId: string): Promise<boolean> {
    for (const kind of this.registry.all()) if (await kind.hasVisibleContentBy(userId)) return true;
    return false;
  }

  /** The weight the viewer's flag on this item carries (see `flagWeight`). */
  private async weightOf(viewer: Viewer, { item }: Subject, context: RequestContext): Promise<number> {
    const threshold = this.options.flagAutoHideThreshold;
    const newAccountDays = this.options.newAccounts.days;
    const coordinates = canModerate(item, await this.directory.of(context));
    const user = await context.loaders.get(this.userLoaders.byId).load(viewer.userId);
    const accountCreatedAt = user?.createdAt ?? new Date();
    // Only an established account's content can change its weight; spare the queries otherwise.
    const hasPosts = !coordinates && !isNewAccount(accountCreatedAt, newAccountDays) && (await this.hasVisibleContent(viewer.userId));
    return flagWeight({ coordinates, accountCreatedAt, hasPosts }, { threshold, newAccountDays });
  }

  /** Hiding and restoring, which every kind supports; false when already in effect (dismissing changes nothing). */
  private async applyCommon(manager: EntityManager, { kind, item }: Subject, action: ModerationAction): Promise<boolean> {
    if (action === ModerationAction.HIDE || action === ModerationAction.RESTORE) {
      return kind.setHidden(manager, item.id, action === ModerationAction.HIDE);
    }
    return false;
  }
}
