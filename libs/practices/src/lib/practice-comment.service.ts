import { Injectable } from '@nestjs/common';
import {
  ForbiddenError,
  NotFoundError,
  Outbox,
  OutboxChange,
  UserError,
  UserErrorCode,
  fromGlobalId,
  refuse,
  succeed,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { POST_LINKS, PostTooLongError, renderPostMarkdown } from '@bottega/markdown';
import { AddPracticeCommentInput, DeletePracticeCommentInput, EditPracticeCommentInput } from './dto/practice-comment.inputs';
import { PracticeAccess, type PracticeInContext } from './practice.access';
import { PracticeStatus } from './practice.enums';
import { PracticeLoaders } from './practice.loaders';
import { PracticeNotifier } from './practice.notifier';
import { isReviewer } from './practice.policy';
import { PracticeCommentLoaders } from './practice-comment.loaders';
import { canComment, canDeleteComment, canEditComment, mayChangeComment } from './practice-comment.policy';
import { PracticeCommentRepository, type CommentBody, type PracticeCommentRow } from './practice-comment.repository';

/** Longest comment, in characters as a person counts them; longer thoughts belong in a thread. */
export const COMMENT_MAX_LENGTH = 5000;

const BODY = ['input', 'body'];

/**
 * Comments on published practices and stories: written by anyone signed in
 * who reads the practice, edited by their author from the version they name
 * (a stale one is a CONFLICT), deleted by their author or the practice's
 * reviewers (a placeholder stays). Each change is recorded in the outbox in
 * its transaction, and a new comment tells the practice's authors.
 */
@Injectable()
export class PracticeCommentService {
  constructor(
    private readonly comments: PracticeCommentRepository,
    private readonly loaders: PracticeCommentLoaders,
    private readonly practiceLoaders: PracticeLoaders,
    private readonly access: PracticeAccess,
    private readonly notifier: PracticeNotifier,
    private readonly outbox: Outbox,
  ) {}

  async add(input: AddPracticeCommentInput, context: RequestContext): Promise<Outcome<PracticeCommentRow>> {
    const viewer = await context.requireViewer();
    const { practice, principals } = await this.access.readable(context, input.practiceId, ['input', 'practiceId']);
    if (practice.status === PracticeStatus.PUBLISHED && !canComment(principals, practice)) {
      throw new ForbiddenError('Sign in with an account in good standing to comment.');
    }
    const body = renderBody(input.body);
    if (body instanceof UserError) return refuse(body);
    if (practice.status !== PracticeStatus.PUBLISHED) return refuse(notOpen(practice.status));

    const id = await this.comments.transaction(async (manager) => {
      const created = await this.comments.insert(manager, practice.id, viewer.userId, body);
      if (!created) return null;
      await this.outbox.record(manager, { kind: 'PracticeComment', subjectId: created, change: OutboxChange.CREATED, payload: { practiceId: practice.id } });
      await this.notifier.commented(manager, practice, { id: created, authorId: viewer.userId });
      return created;
    });
    // Archived meanwhile: the insert read it so.
    if (!id) return refuse(notOpen((await context.loaders.reload(this.practiceLoaders.byId, practice.id)).status));
    return succeed(await context.loaders.reload(this.loaders.byId, id));
  }

  async edit(input: EditPracticeCommentInput, context: RequestContext): Promise<Outcome<PracticeCommentRow>> {
    await context.requireViewer();
    const { comment, found } = await this.target(input.commentId, context);
    const { practice, principals } = found;
    if (!canEditComment(principals, practice, comment)) {
      if (!mayChangeComment(principals, comment)) throw new ForbiddenError('Only its author edits a comment.');
      return refuse(unchangeable(comment, practice.status));
    }
    const body = renderBody(input.body);
    if (body instanceof UserError) return refuse(body);

    const version = await this.comments.transaction(async (manager) => {
      const next = await this.comments.edit(manager, comment.id, input.version, body);
      if (next !== null) await this.outbox.record(manager, { kind: 'PracticeComment', subjectId: comment.id, change: OutboxChange.EDITED });
      return next;
    });
    const now = await context.loaders.reload(this.loaders.byId, comment.id);
    if (version === null) {
      // Deleted, or its practice archived, since it was read; otherwise someone edited it first.
      const status = (await context.loaders.reload(this.practiceLoaders.byId, practice.id)).status;
      if (now.deletedAt || status !== PracticeStatus.PUBLISHED) return refuse(unchangeable(now, status));
      return refuse(UserError.of(UserErrorCode.CONFLICT, 'This comment changed since you opened it; reload it and edit again.', ['input', 'version']));
    }
    return succeed(now);
  }

  async delete(input: DeletePracticeCommentInput, context: RequestContext): Promise<Outcome<PracticeCommentRow>> {
    const viewer = await context.requireViewer();
    const { comment, found } = await this.target(input.commentId, context);
    const { practice, principals } = found;
    if (!canDeleteComment(principals, practice, comment)) {
      const entitled = mayChangeComment(principals, comment) || isReviewer(principals, practice);
      if (!entitled) throw new ForbiddenError('Only its author and the practice’s reviewers delete a comment.');
      return refuse(alreadyDeleted());
    }
    const deleted = await this.comments.transaction(async (manager) => {
      if (!(await this.comments.softDelete(manager, comment.id, viewer.userId))) return false;
      await this.outbox.record(manager, { kind: 'PracticeComment', subjectId: comment.id, change: OutboxChange.DELETED });
      return true;
    });
    if (!deleted) return refuse(alreadyDeleted());
    return succeed(await context.loaders.reload(this.loaders.byId, comment.id));
  }

  /** The comment and its practice, when the viewer reads the practice; NOT_FOUND otherwise. */
  async target(globalId: string, context: RequestContext): Promise<{ comment: PracticeCommentRow; found: PracticeInContext }> {
    const id = fromGlobalId(globalId, 'PracticeComment', ['input', 'commentId']);
    const comment = await context.loaders.get(this.loaders.byId).load(id);
    const found = comment && (await this.access.load(context, comment.practiceId));
    if (!comment || !found) throw new NotFoundError('PracticeComment', globalId);
    return { comment, found };
  }
}

/** Markdown to stored body, by the posts' renderer: safe HTML and plain words. */
export function renderBody(source: string): CommentBody | UserError {
  const trimmed = source.trim();
  if (trimmed.length === 0) return UserError.of(UserErrorCode.REQUIRED, 'Write something first.', BODY);
  if ([...trimmed].length > COMMENT_MAX_LENGTH) return tooLong();
  try {
    const rendered = renderPostMarkdown(trimmed, POST_LINKS);
    return { bodySource: trimmed, bodyHtml: rendered.html, bodyText: rendered.text, language: rendered.language };
  } catch (error) {
    if (error instanceof PostTooLongError) return tooLong();
    throw error;
  }
}

function tooLong(): UserError {
  return UserError.of(UserErrorCode.TOO_LONG, `A comment has at most ${COMMENT_MAX_LENGTH} characters.`, BODY);
}

function notOpen(status: PracticeStatus): UserError {
  return UserError.of(
    UserErrorCode.INVALID_STATE,
    status === PracticeStatus.ARCHIVED
      ? 'This practice is archived; it takes no more comments.'
      : 'Comments open once the practice is published; until then its reviewers speak through the review.',
    ['input', 'practiceId'],
  );
}

function unchangeable(comment: Pick<PracticeCommentRow, 'deletedAt'>, status: PracticeStatus): UserError {
  return comment.deletedAt
    ? UserError.of(UserErrorCode.INVALID_STATE, 'This comment is deleted.', ['input', 'commentId'])
    : UserError.of(UserErrorCode.INVALID_STATE, `Comments are edited while their practice is published; this one is ${status}.`, ['input', 'commentId']);
}

function alreadyDeleted(): UserError {
  return UserError.of(UserErrorCode.INVALID_STATE, 'This comment is already deleted.', ['input', 'commentId']);
}
