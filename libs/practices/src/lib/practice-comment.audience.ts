import { USER, restrictedWhile } from '@bottega/core';
import { PRACTICE_AUDIENCE, REVIEWERS, practiceFacts, type PracticeFacts } from './practice.audience';
import type { PracticeRow } from './practice.repository';
import type { PracticeCommentRow } from './practice-comment.repository';

export type PracticeCommentFacts = PracticeFacts & {
  commentAuthorId: string | null;
  commentHidden: boolean;
  commentDeleted: boolean;
};

/**
 * Who reads a comment's words: whoever reads its practice, unless moderation
 * hid it (then its author and the practice's reviewers only) or it was
 * deleted (nobody). The practice's other readers see a placeholder, as for posts.
 */
export const PRACTICE_COMMENT_AUDIENCE = PRACTICE_AUDIENCE.and<PracticeCommentFacts>(
  restrictedWhile<PracticeCommentFacts>('commentHidden', [{ kind: USER, fact: 'commentAuthorId' }, ...REVIEWERS]),
  restrictedWhile<PracticeCommentFacts>('commentDeleted', []),
);

export function practiceCommentFacts(
  practice: Pick<PracticeRow, 'id' | 'communityId' | 'communityVisibility' | 'status' | 'hiddenAt'>,
  comment: Pick<PracticeCommentRow, 'authorId' | 'hiddenAt' | 'deletedAt'>,
): PracticeCommentFacts {
  return {
    ...practiceFacts(practice),
    commentAuthorId: comment.authorId,
    commentHidden: comment.hiddenAt !== null,
    commentDeleted: comment.deletedAt !== null,
  };
}
