import { Competences1764000003000 } from './1764000003000-competences';

export { Competences1764000003000 };

/** The competences library's migrations, in the order they apply. */
export const COMPETENCES_MIGRATIONS = [Competences1764000003000];
