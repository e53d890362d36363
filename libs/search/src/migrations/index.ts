import { SearchDocuments1764000004000 } from './1764000004000-search-documents';
import { SearchHeadWords1764000004100 } from './1764000004100-search-head-words';
import { ReplyThreadTitle1764000004200 } from './1764000004200-reply-thread-title';

/** The search library's migrations, in the order they apply. */
export const SEARCH_MIGRATIONS = [SearchDocuments1764000004000, SearchHeadWords1764000004100, ReplyThreadTitle1764000004200];
