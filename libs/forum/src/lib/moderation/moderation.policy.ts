import { isStaff, type Viewer } from '@bottega/core';
import { canCoordinate, type CommunityAccessFacts } from '../communities/community.policy';
import { canSeeContent, type HideableContent } from '../threads/thread.audience';
import { ModerationAction } from './moderation.enums';

export type ContentType = 'Post' | 'Thread';

export enum FlagObstacle {
  OWN_CONTENT = 'OWN_CONTENT',
  GONE = 'GONE',
}

/**
 * Why the viewer may not flag an item they can read, or null when they may:
 * not their own, and not once it is deleted or hidden from them.
 */
export function flagObstacle(
  viewer: Viewer,
  facts: CommunityAccessFacts,
  content: HideableContent & { deletedAt: Date | null },
): FlagObstacle | null {
  if (content.authorId === viewer.userId) return FlagObstacle.OWN_CONTENT;
  if (content.deletedAt !== null || !canSeeContent(facts, content)) return FlagObstacle.GONE;
  return null;
}

export const canFlag = (viewer: Viewer, facts: CommunityAccessFacts, content: HideableContent & { deletedAt: Date | null }): boolean =>
  flagObstacle(viewer, facts, content) === null;

const DAY_MS = 86_400_000;

/** Accounts younger than `days` are new (`0`: none is). */
export const isNewAccount = (createdAt: Date, days: number, now = Date.now()): boolean => now - createdAt.getTime() < days * DAY_MS;

/** What a flag's weight depends on, besides the threshold. */
export interface FlaggerStanding {
  /** The community's coordinators and site staff. */
  coordinates: boolean;
  accountCreatedAt: Date;
  /** Whether the account has a post that is neither deleted nor hidden. */
  hasPosts: boolean;
}

/**
 * How much one flag counts towards `threshold`. Accounts that are new or have
 * written nothing weigh 0: their flags reach the moderation queue but never
 * hide anything, so a handful of throwaway accounts cannot silence anyone.
 * Coordinators and staff weigh `threshold - 1` (at least 1), so their flag
 * hides with one more from anyone trusted: a second opinion, not a veto.
 */
export function flagWeight(standing: FlaggerStanding, options: { threshold: number; newAccountDays: number }, now = Date.now()): number {
  if (standing.coordinates) return Math.max(1, options.threshold - 1);
  if (!standing.hasPosts || isNewAccount(standing.accountCreatedAt, options.newAccountDays, now)) return 0;
  return 1;
}

/** Coordinators decide on content within their communities; moderators and admins everywhere. */
export const canModerateContent = canCoordinate;

/**
 * Those who decide on content also redact a post's earlier versions. Authors
 * do not: the history is what lets moderators see what was said before an edit,
 * so an author asks (a PRIVACY flag) rather than rewrites it.
 */
export const canRedactRevisions = canModerateContent;

/** Staff review every flag; coordinators those in the communities they coordinate. */
export const canReviewFlags = (viewer: Viewer, coordinatesSomewhere: boolean): boolean => isStaff(viewer) || coordinatesSomewhere;

/** Locks are for threads and deletion for posts; the other decisions apply to both. */
export function actionApplies(action: ModerationAction, type: ContentType): boolean {
  switch (action) {
    case ModerationAction.LOCK:
    case ModerationAction.UNLOCK:
      return type === 'Thread';
    case ModerationAction.DELETE:
      return type === 'Post';
    case ModerationAction.HIDE:
    case ModerationAction.RESTORE:
    case ModerationAction.DISMISS_FLAGS:
      return true;
  }
}
