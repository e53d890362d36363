import { ExtensionsAndRateLimits1764000000000 } from './1764000000000-extensions-and-rate-limits';
import { Outbox1764000001000 } from './1764000001000-outbox';
import { AccountChanges1764000003400 } from './1764000003400-account-changes';

/** The core's own migrations; each feature keeps its list with its code, and the app merges them. */
export const CORE_MIGRATIONS = [ExtensionsAndRateLimits1764000000000, Outbox1764000001000, AccountChanges1764000003400];
