import { Territories1764000000200 } from './1764000000200-territories';

/** The territories library's migrations, in the order they apply. */
export const TERRITORIES_MIGRATIONS = [Territories1764000000200];
