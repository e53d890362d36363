/** How the search library runs, from the environment. */
export interface SearchOptions {
  /** Meilisearch, when `MEILI_HOST` is set; PostgreSQL otherwise. */
  meilisearch: { host: string; apiKey?: string; index?: string } | null;
  /** Whether this process drains the outbox into the index (`npm run indexer` runs it alone). */
  indexInProcess: boolean;
}

export const SEARCH_OPTIONS = Symbol('SEARCH_OPTIONS');
