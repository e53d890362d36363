import type { Viewer } from '@bottega/core';
import { canCoordinate, isStaff, type CommunityAccessFacts } from '../communities/community.policy';
import { canSeeContent, type HideableContent } from './content-visibility';
import { ModerationAction } from './moderation.model';

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
  if (content.deletedAt !== null || !canSeeContent(viewer, facts, content)) return FlagObstacle.GONE;
  return null;
}

export const canFlag = (viewer: Viewer, facts: CommunityAccessFacts, content: HideableContent & { deletedAt: Date | null }): boolean =>
  flagObstacle(viewer, facts, content) === null;

/** Coordinators decide on content within their communities; moderators and admins everywhere. */
export const canModerateContent = canCoordinate;

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
