import { Injectable } from '@nestjs/common';
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
} from '@bottega/core';
import { PracticeDecisionInput, ReturnPracticeInput } from './dto/practice.inputs';
import { PracticeAccess } from './practice.access';
import { PracticeKind, PracticeStatus } from './practice.enums';
import { PracticeLoaders } from './practice.loaders';
import { PracticeNotifier } from './practice.notifier';
import { RULES, type PracticeDecision } from './practice.policy';
import { PracticeRepository, type PracticeRow } from './practice.repository';
import { missingParts } from './practice.sections';
import { PracticeMediaRepository } from './practice-media.repository';

/** What each decision does: the status it leads to, its audit action, its outbox change, and who is refused. */
const DECISIONS = {
  submit: { to: PracticeStatus.IN_REVIEW, action: 'SUBMIT', change: OutboxChange.EDITED, refused: 'Only its authors submit a practice for review.' },
  publish: {
    to: PracticeStatus.PUBLISHED,
    action: 'PUBLISH',
    change: OutboxChange.VISIBILITY_CHANGED,
    refused: 'Only the coordinators of its community and staff publish a practice.',
  },
  return: {
    to: PracticeStatus.DRAFT,
    action: 'RETURN',
    change: OutboxChange.EDITED,
    refused: 'Only the coordinators of its community and staff return a practice to its authors.',
  },
  archive: { to: PracticeStatus.ARCHIVED, action: 'ARCHIVE', change: OutboxChange.EDITED, refused: 'Only its authors and reviewers archive a practice.' },
} as const satisfies Record<Exclude<PracticeDecision, 'edit'>, { to: PracticeStatus; action: string; change: OutboxChange; refused: string }>;

type ReviewDecision = keyof typeof DECISIONS;

/**
 * The lifecycle, DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED (and back to DRAFT
 * when returned). Each move is one conditional UPDATE from the status it
 * expects, with its audit entry and outbox record in the same transaction.
 */
@Injectable()
export class PracticeReviewService {
  constructor(
    private readonly practices: PracticeRepository,
    private readonly access: PracticeAccess,
    private readonly loaders: PracticeLoaders,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly media: PracticeMediaRepository,
    private readonly notifier: PracticeNotifier,
  ) {}

  submit(input: PracticeDecisionInput, context: RequestContext): Promise<Outcome<PracticeRow>> {
    return this.decide('submit', input.practiceId, context, { comment: null, errors: [] });
  }

  publish(input: PracticeDecisionInput, context: RequestContext): Promise<Outcome<PracticeRow>> {
    return this.decide('publish', input.practiceId, context, { comment: null, errors: [] });
  }

  async return(input: ReturnPracticeInput, context: RequestContext): Promise<Outcome<PracticeRow>> {
    const comment = input.comment.trim();
    return this.decide('return', input.practiceId, context, { comment, errors: await validateInput(ReturnPracticeInput, { ...input, comment }) });
  }

  archive(input: PracticeDecisionInput, context: RequestContext): Promise<Outcome<PracticeRow>> {
    return this.decide('archive', input.practiceId, context, { comment: null, errors: [] });
  }

  private async decide(
    decision: ReviewDecision,
    practiceId: string,
    context: RequestContext,
    given: { comment: string | null; errors: UserError[] },
  ): Promise<Outcome<PracticeRow>> {
    const viewer = await context.requireViewer();
    const { practice, principals } = await this.access.readable(context, practiceId, ['input', 'practiceId']);
    const rule = RULES[decision];
    const { to, action, change, refused } = DECISIONS[decision];
    if (!rule.who(principals, practice)) throw new ForbiddenError(refused);
    if (given.errors.length > 0) return refuse(...given.errors);
    const problems = await this.problems(decision, practice);
    if (problems.length > 0) return refuse(...problems);

    const from = practice.status;
    const territoryIds = decision === 'publish' ? await this.notifier.territoriesOf(practice, context) : [];
    const moved = await this.practices.transaction(async (manager) => {
      const changed = await this.practices.transition(manager, practice.id, {
        from,
        to,
        reviewComment: given.comment,
        requireComplete: decision === 'submit',
      });
      if (!changed) return false;
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action,
        subject: { type: 'Practice', id: practice.id },
        reason: given.comment,
        metadata: { from, to, communityId: practice.communityId },
      });
      await this.outbox.record(manager, { kind: 'Practice', subjectId: practice.id, change, payload: { status: to } });
      if (decision === 'publish') await this.notifier.published(manager, practice, territoryIds, viewer.userId);
      return true;
    });
    const now = await context.loaders.reload(this.loaders.byId, practice.id);
    if (!moved) {
      // Someone moved or emptied it meanwhile: say what stands in the way now.
      const blocking = await this.problems(decision, now);
      return refuse(...(blocking.length > 0 ? blocking : [invalidState(decision, now.status)]));
    }
    return succeed(now);
  }

  /**
   * Why the decision cannot be taken on the practice as it is: its status,
   * (to submit) its empty required parts, or (a story, to submit or publish)
   * each medium whose consent is not recorded.
   */
  private async problems(decision: ReviewDecision, practice: PracticeRow): Promise<UserError[]> {
    if (!(RULES[decision].from as readonly PracticeStatus[]).includes(practice.status)) return [invalidState(decision, practice.status)];
    const missing =
      decision !== 'submit'
        ? []
        : missingParts(practice).map((name) =>
            UserError.of(UserErrorCode.REQUIRED, `Write the ${name === 'summary' ? 'summary' : `“${name}” section`} before submitting.`, ['practice', name]),
          );
    const leavesDraft = decision === 'submit' || decision === 'publish';
    if (!leavesDraft || practice.kind !== PracticeKind.STORY || practice.mediaWithoutConsent === 0) return missing;
    const unconsented = (await this.media.ofPractices([practice.id])).filter((media) => media.consent === null);
    return [
      ...missing,
      ...unconsented.map((media) =>
        UserError.of(
          UserErrorCode.INVALID_STATE,
          `Record the consent of the people in “${media.caption || media.url}” before the story is ${pastTense[decision]}.`,
          ['practice', 'media', String(media.position)],
        ),
      ),
    ];
  }
}

function invalidState(decision: ReviewDecision, status: PracticeStatus): UserError {
  const expected = RULES[decision].from.join(' or ');
  return UserError.of(UserErrorCode.INVALID_STATE, `Only a practice in ${expected} can be ${pastTense[decision]}; this one is ${status}.`, [
    'input',
    'practiceId',
  ]);
}

const pastTense: Record<ReviewDecision, string> = { submit: 'submitted', publish: 'published', return: 'returned', archive: 'archived' };
