import { COMPETENCES_MIGRATIONS } from '@bottega/competences/migrations';
import { CORE_MIGRATIONS, type MigrationClass } from '@bottega/core/database';
import { EXCHANGES_MIGRATIONS } from '@bottega/exchanges/migrations';
import { FORUM_MIGRATIONS } from '@bottega/forum/migrations';
import { IDENTITY_MIGRATIONS } from '@bottega/identity/migrations';
import { MODERATION_MIGRATIONS } from '@bottega/moderation/migrations';
import { MONITORING_MIGRATIONS } from '@bottega/monitoring/migrations';
import { NOTIFICATIONS_MIGRATIONS } from '@bottega/notifications/migrations';
import { PRACTICES_MIGRATIONS } from '@bottega/practices/migrations';
import { SEARCH_MIGRATIONS } from '@bottega/search/migrations';
import { TERRITORIES_MIGRATIONS } from '@bottega/territories/migrations';

/** The timestamp that ends a migration's class name, as TypeORM reads and records it. */
export function migrationTimestamp(migration: MigrationClass): number {
  return Number(migration.name.slice(-13));
}

/**
 * Every library's migrations, in the order they apply. Each library keeps its
 * own with its code; they interleave by timestamp, because a feature's later
 * change may build on another's tables.
 */
export const MIGRATIONS: MigrationClass[] = [
  ...CORE_MIGRATIONS,
  ...IDENTITY_MIGRATIONS,
  ...TERRITORIES_MIGRATIONS,
  ...FORUM_MIGRATIONS,
  ...MODERATION_MIGRATIONS,
  ...NOTIFICATIONS_MIGRATIONS,
  ...PRACTICES_MIGRATIONS,
  ...COMPETENCES_MIGRATIONS,
  ...SEARCH_MIGRATIONS,
  ...EXCHANGES_MIGRATIONS,
  ...MONITORING_MIGRATIONS,
].sort((a, b) => migrationTimestamp(a) - migrationTimestamp(b));
