export const MODERATION_OPTIONS = Symbol('MODERATION_OPTIONS');

export interface ModerationOptions {
  /** Pending flags from this many people hide an item until a moderator decides. */
  flagAutoHideThreshold: number;
  /** Accounts younger than `days` start at most `postsPerHour` threads and replies per hour. */
  newAccounts: { days: number; postsPerHour: number };
}
