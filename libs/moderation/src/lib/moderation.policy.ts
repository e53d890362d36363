import { COORDINATOR, isStaff, type ContentItem, type Principals, type Viewer } from '@bottega/core';

export enum FlagObstacle {
  OWN_CONTENT = 'OWN_CONTENT',
  GONE = 'GONE',
}

/**
 * Why the viewer may not flag an item they can read, or null when they may:
 * not their own, and not once it is deleted or hidden from them.
 */
export function flagObstacle(viewer: Viewer, item: Pick<ContentItem, 'authorId' | 'deleted' | 'visible'>): FlagObstacle | null {
  if (item.authorId === viewer.userId) return FlagObstacle.OWN_CONTENT;
  if (item.deleted || !item.visible) return FlagObstacle.GONE;
  return null;
}

export const canFlag = (viewer: Viewer, item: Pick<ContentItem, 'authorId' | 'deleted' | 'visible'>): boolean =>
  flagObstacle(viewer, item) === null;

/** Those the item's kind names as its moderators decide on it (for community content: its coordinators and staff). */
export const canModerate = (item: Pick<ContentItem, 'moderators'>, principals: Principals): boolean =>
  item.moderators.some((name) => principals.has(name));

/** Staff review every flag; coordinators those in the communities they coordinate. */
export const canReviewFlags = (viewer: Viewer, principals: Principals): boolean =>
  isStaff(viewer) || principals.idsOf(COORDINATOR).length > 0;

const DAY_MS = 86_400_000;

/** Accounts younger than `days` are new (`0`: none is). */
export const isNewAccount = (createdAt: Date, days: number, now = Date.now()): boolean => now - createdAt.getTime() < days * DAY_MS;

/** What a flag's weight depends on, besides the threshold. */
export interface FlaggerStanding {
  /** The item's moderators (a community's coordinators, site staff). */
  coordinates: boolean;
  accountCreatedAt: Date;
  /** Whether the account has content that is neither deleted nor hidden. */
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
