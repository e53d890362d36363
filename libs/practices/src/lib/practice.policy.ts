import { COORDINATOR, SIGNED_IN, STAFF, type Principals } from '@bottega/core';
import { PRACTICE_AUTHOR } from './practice.audience';
import { PracticeStatus } from './practice.enums';

/** What the rules need to know about a practice. */
export type PracticeStanding = { id: string; communityId: string | null; status: PracticeStatus };

/** Its creator and co-authors. */
export const isAuthor = (principals: Principals, practice: Pick<PracticeStanding, 'id'>): boolean =>
  principals.holds(PRACTICE_AUTHOR, practice.id);

/** Who publishes, returns and archives it: the community's coordinators, and staff (with or without a community). */
export const isReviewer = (principals: Principals, practice: Pick<PracticeStanding, 'communityId'>): boolean =>
  principals.has(STAFF) || (practice.communityId !== null && principals.holds(COORDINATOR, practice.communityId));

/**
 * Each decision: who takes it (else FORBIDDEN) and from which status (else
 * INVALID_STATE). Authors edit drafts, and published practices, where an edit
 * makes a new version; a practice in review waits for its reviewers.
 */
export const RULES = {
  edit: { who: isAuthor, from: [PracticeStatus.DRAFT, PracticeStatus.PUBLISHED] },
  submit: { who: isAuthor, from: [PracticeStatus.DRAFT] },
  publish: { who: isReviewer, from: [PracticeStatus.IN_REVIEW] },
  return: { who: isReviewer, from: [PracticeStatus.IN_REVIEW] },
  archive: { who: (principals: Principals, practice: PracticeStanding) => isAuthor(principals, practice) || isReviewer(principals, practice), from: [PracticeStatus.PUBLISHED] },
} as const satisfies Record<string, { who: (principals: Principals, practice: PracticeStanding) => boolean; from: readonly PracticeStatus[] }>;

export type PracticeDecision = keyof typeof RULES;

/** Whether the viewer may take the decision now: what `viewerCan*` fields show and mutations check. */
export function canDecide(decision: PracticeDecision, principals: Principals, practice: PracticeStanding): boolean {
  const rule = RULES[decision];
  return rule.who(principals, practice) && (rule.from as readonly PracticeStatus[]).includes(practice.status);
}

/** Earlier versions may hold what an edit removed on purpose: authors and reviewers only. */
export const canReadVersions = (principals: Principals, practice: PracticeStanding): boolean =>
  isAuthor(principals, practice) || isReviewer(principals, practice);

/** A medium's consent names the people it shows: authors and reviewers only. */
export const canReadConsent = canReadVersions;

/** Anyone signed in who reads a published practice records where it was adopted. */
export const canRecordAdoption = (principals: Principals, practice: PracticeStanding): boolean =>
  principals.has(SIGNED_IN) && practice.status === PracticeStatus.PUBLISHED;

/** An adoption is corrected or removed by whoever recorded it, and by the practice's reviewers. */
export const canChangeAdoption = (principals: Principals, practice: PracticeStanding, adoption: { recordedBy: string | null }): boolean =>
  (adoption.recordedBy !== null && principals.userId === adoption.recordedBy) || isReviewer(principals, practice);
