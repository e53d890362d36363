export { MeilisearchEngine, type MeilisearchEngineOptions } from './meilisearch-engine';
export type { MeilisearchClient, MeilisearchIndexClient } from './meilisearch-client';
export { meilisearchSettings, meilisearchSynonyms } from './meilisearch-settings';
export { SearchEngineError } from '../search-engine.error';
