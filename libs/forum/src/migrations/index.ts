import { Communities1764000000300 } from './1764000000300-communities';
import { ThreadsAndPosts1764000000400 } from './1764000000400-threads-and-posts';
import { Moderation1764000000600 } from './1764000000600-moderation';
import { ThreadListOrder1764000000700 } from './1764000000700-thread-list-order';
import { ThreadManagement1764000000900 } from './1764000000900-thread-management';
import { FlagWeightsAndHiddenNotices1764000000950 } from './1764000000950-flag-weights-and-hidden-notices';
import { RevisionRedaction1764000000960 } from './1764000000960-revision-redaction';
import { MembershipChangeTriggers1764000003420 } from './1764000003420-membership-change-triggers';
import { PostLanguage1764000006600 } from './1764000006600-post-language';

/**
 * The forum library's migrations, in the order they apply. Moderation's also
 * adds the suspension end to accounts and creates the core's audit log: that
 * was the moderation change, and a migration stays whole.
 */
export const FORUM_MIGRATIONS = [
  Communities1764000000300,
  ThreadsAndPosts1764000000400,
  Moderation1764000000600,
  ThreadListOrder1764000000700,
  ThreadManagement1764000000900,
  FlagWeightsAndHiddenNotices1764000000950,
  RevisionRedaction1764000000960,
  MembershipChangeTriggers1764000003420,
  PostLanguage1764000006600,
];
