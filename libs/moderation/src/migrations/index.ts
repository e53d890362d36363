import { ModerationOfAnyKind1764000001100 } from './1764000001100-moderation-of-any-kind';

export { ModerationOfAnyKind1764000001100 };

/** The moderation library's migrations, in the order they apply. */
export const MODERATION_MIGRATIONS = [ModerationOfAnyKind1764000001100];
