import { SearchDocuments1764000004000 } from './1764000004000-search-documents';

/** The search library's migrations, in the order they apply. */
export const SEARCH_MIGRATIONS = [SearchDocuments1764000004000];
