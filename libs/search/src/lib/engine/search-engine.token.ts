/** The engine this process searches and indexes with (PostgreSQL, or Meilisearch when `MEILI_HOST` is set). */
export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');
