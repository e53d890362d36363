import type { ModerationOptions } from '@bottega/moderation';

/** What the forum takes from configuration; the app builds it from the environment. */
export interface ForumOptions {
  moderation: ModerationOptions;
}
