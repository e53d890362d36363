import { ActivityIndexes1764000006500 } from './1764000006500-activity-indexes';

export { ActivityIndexes1764000006500 };

/** The monitoring library's migrations, in the order they apply. */
export const MONITORING_MIGRATIONS = [ActivityIndexes1764000006500];
