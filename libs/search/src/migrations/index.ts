import { SearchDocuments1764000004000 } from './1764000004000-search-documents';
import { SearchHeadWords1764000004100 } from './1764000004100-search-head-words';
import { ReplyThreadTitle1764000004200 } from './1764000004200-reply-thread-title';
import { SearchFilterKeys1764000006700 } from './1764000006700-search-filter-keys';
import { SearchOwnLanguageWords1764000006800 } from './1764000006800-search-own-language-words';
import { SearchFilteredWords1764000006900 } from './1764000006900-search-filtered-words';
import { SearchRowsInPlace1764000007000 } from './1764000007000-search-rows-in-place';

/** The search library's migrations, in the order they apply. */
export const SEARCH_MIGRATIONS = [
  SearchDocuments1764000004000,
  SearchHeadWords1764000004100,
  ReplyThreadTitle1764000004200,
  SearchFilterKeys1764000006700,
  SearchOwnLanguageWords1764000006800,
  SearchFilteredWords1764000006900,
  SearchRowsInPlace1764000007000,
];
