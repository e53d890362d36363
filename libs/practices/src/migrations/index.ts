import { Practices1764000002000 } from './1764000002000-practices';

export { Practices1764000002000 };

/** The practices library's migrations, in the order they apply. */
export const PRACTICES_MIGRATIONS = [Practices1764000002000];
