import { SIGNED_IN, STAFF, type Principals } from '@bottega/core';
import { PracticeStatus } from './practice.enums';
import { isReviewer, type PracticeStanding } from './practice.policy';
import type { PracticeCommentRow } from './practice-comment.repository';

type CommentStanding = Pick<PracticeCommentRow, 'authorId' | 'deletedAt'>;

/**
 * Comments open when a practice is published: a draft is still its authors'
 * and reviewers' work (the review comment speaks for them), and an archived
 * practice is a closed record. Anyone signed in who reads it may comment.
 */
export const canComment = (principals: Principals, practice: Pick<PracticeStanding, 'status'>): boolean =>
  principals.has(SIGNED_IN) && practice.status === PracticeStatus.PUBLISHED;

const isCommentAuthor = (principals: Principals, comment: CommentStanding): boolean =>
  comment.authorId !== null && principals.userId === comment.authorId;

/** Its author edits a comment (staff too, as posts), while it stands and its practice is published. */
export const canEditComment = (principals: Principals, practice: Pick<PracticeStanding, 'status'>, comment: CommentStanding): boolean =>
  comment.deletedAt === null && practice.status === PracticeStatus.PUBLISHED && (isCommentAuthor(principals, comment) || principals.has(STAFF));

/** Its author and the practice's reviewers (its community's coordinators, and staff) delete a comment. */
export const canDeleteComment = (principals: Principals, practice: Pick<PracticeStanding, 'communityId'>, comment: CommentStanding): boolean =>
  comment.deletedAt === null && (isCommentAuthor(principals, comment) || isReviewer(principals, practice));

/** Whoever may do either once the comment or the practice moved on: for telling INVALID_STATE from FORBIDDEN. */
export const mayChangeComment = (principals: Principals, comment: CommentStanding): boolean =>
  isCommentAuthor(principals, comment) || principals.has(STAFF);
