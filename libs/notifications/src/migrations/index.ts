import { Notifications1764000000500 } from './1764000000500-notifications';

/** The notifications library's migrations, in the order they apply. */
export const NOTIFICATIONS_MIGRATIONS = [Notifications1764000000500];
