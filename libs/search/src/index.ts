export * from './lib/engine/search-engine';
export { SearchEngineError } from './lib/engine/search-engine.error';
export { SEARCH_ENGINE } from './lib/engine/search-engine.token';
export { SearchIndex } from './lib/indexing/search-index';
export { SEARCH_CONSUMER } from './lib/indexing/search-indexer';
export { SearchModule } from './lib/search.module';
export { SEARCH_OPTIONS, type SearchOptions } from './lib/search.options';
export { SearchType, searchable } from './lib/searchable';
export { GLOSSARY, foldTerm, glossaryExpansions, type Glossary } from './glossary/glossary';
