import type { ModerationOptions } from './moderation/moderation.options';

/** What the forum takes from configuration; the app builds it from the environment. */
export interface ForumOptions {
  moderation: ModerationOptions;
}
