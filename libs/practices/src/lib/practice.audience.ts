import { Audience, EVERYONE, byValue, restrictedWhile, type Clause, type Grant, type PrincipalSource } from '@bottega/core';
import { COMMUNITY_AUDIENCE, COMMUNITY_MODERATORS, CommunityVisibility, type CommunityFacts } from '@bottega/forum';
import { PracticeStatus } from './practice.enums';

/** `practice-author:<practice>`: the creator or a co-author of the practice. */
export const PRACTICE_AUTHOR = 'practice-author';

/**
 * What decides who reads a practice. A practice outside any community is read
 * as if in a public one (`visibility` PUBLIC, no `communityId`), so the
 * community's rule is stated once, in the forum.
 */
export type PracticeFacts = Omit<CommunityFacts, 'communityId'> & {
  communityId: string | null;
  practiceId: string;
  status: PracticeStatus;
  hidden: boolean;
};

/** Any of the practice's authors, however many: each holds `practice-author:<practice>`. */
export const AUTHORS: Grant<PracticeFacts> = { kind: PRACTICE_AUTHOR, fact: 'practiceId' };

/** Those who publish or return a practice: its community's coordinators, and staff (the only reviewers without a community). */
export const REVIEWERS = COMMUNITY_MODERATORS as readonly Grant<PracticeFacts>[];

/** The community's clause, for facts whose community may be absent (its grants then name nobody by community). */
const IN_COMMUNITY = COMMUNITY_AUDIENCE.clauses as unknown as readonly Clause<PracticeFacts>[];

/**
 * Who reads a practice: the community's readers, once it is published (and
 * still once archived); before, only its authors and reviewers. Hidden by
 * moderation, its authors and reviewers still see it.
 */
export const PRACTICE_AUDIENCE = new Audience<PracticeFacts>([
  ...IN_COMMUNITY,
  byValue<PracticeFacts>('status', {
    [PracticeStatus.DRAFT]: [AUTHORS, ...REVIEWERS],
    [PracticeStatus.IN_REVIEW]: [AUTHORS, ...REVIEWERS],
    [PracticeStatus.PUBLISHED]: [EVERYONE],
    [PracticeStatus.ARCHIVED]: [EVERYONE],
  }),
  restrictedWhile<PracticeFacts>('hidden', [AUTHORS, ...REVIEWERS]),
]);

/** The facts of a practice, from its row and its community's visibility (null without a community). */
export function practiceFacts(practice: {
  id: string;
  communityId: string | null;
  communityVisibility: CommunityVisibility | null;
  status: PracticeStatus;
  hiddenAt: Date | null;
}): PracticeFacts {
  return {
    communityId: practice.communityId,
    visibility: practice.communityVisibility ?? CommunityVisibility.PUBLIC,
    practiceId: practice.id,
    status: practice.status,
    hidden: practice.hiddenAt !== null,
  };
}

/** Where a practice's facts are in SQL, its community left-joined as `community`. */
export const practiceColumns = (practice: string, community: string) =>
  ({
    communityId: `${practice}.community_id`,
    visibility: `coalesce(${community}.visibility, '${CommunityVisibility.PUBLIC}')`,
    practiceId: `${practice}.id`,
    status: `${practice}.status`,
    hidden: `${practice}.hidden_at IS NOT NULL`,
  }) as const;

/** Authorship, as principals: one per practice a person writes. */
export const PRACTICE_PRINCIPALS: PrincipalSource = {
  name: 'practice',
  sql: `SELECT a.user_id, '${PRACTICE_AUTHOR}:' || a.practice_id FROM practice_author a WHERE a.user_id = ANY($1::uuid[])`,
};
