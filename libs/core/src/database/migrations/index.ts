import { ExtensionsAndRateLimits1764000000000 } from './1764000000000-extensions-and-rate-limits';
import { Identity1764000000100 } from './1764000000100-identity';
import { Territories1764000000200 } from './1764000000200-territories';
import { Communities1764000000300 } from './1764000000300-communities';
import { UserHandles1764000000350 } from './1764000000350-user-handles';
import { ThreadsAndPosts1764000000400 } from './1764000000400-threads-and-posts';
import { Notifications1764000000500 } from './1764000000500-notifications';
import { Moderation1764000000600 } from './1764000000600-moderation';
import { ThreadListOrder1764000000700 } from './1764000000700-thread-list-order';
import { LoginThrottle1764000000800 } from './1764000000800-login-throttle';
import { UserEmailSkeletons1764000000810 } from './1764000000810-user-email-skeletons';
import { ThreadManagement1764000000900 } from './1764000000900-thread-management';
import { FlagWeightsAndHiddenNotices1764000000950 } from './1764000000950-flag-weights-and-hidden-notices';
import { RevisionRedaction1764000000960 } from './1764000000960-revision-redaction';
import { Outbox1764000001000 } from './1764000001000-outbox';

/** Every migration, in the order they apply. */
export const MIGRATIONS = [
  ExtensionsAndRateLimits1764000000000,
  Identity1764000000100,
  Territories1764000000200,
  Communities1764000000300,
  UserHandles1764000000350,
  ThreadsAndPosts1764000000400,
  Notifications1764000000500,
  Moderation1764000000600,
  ThreadListOrder1764000000700,
  LoginThrottle1764000000800,
  UserEmailSkeletons1764000000810,
  ThreadManagement1764000000900,
  FlagWeightsAndHiddenNotices1764000000950,
  RevisionRedaction1764000000960,
  Outbox1764000001000,
];
