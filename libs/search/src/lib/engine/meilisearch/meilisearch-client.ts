import type {
  DocumentOptions,
  DocumentsQuery,
  EnqueuedTask,
  FacetDistribution,
  Health,
  IndexObject,
  IndexOptions,
  IndexSwap,
  MultiSearchParams,
  RecordAny,
  ResourceResults,
  SearchParams,
  Settings,
  Task,
  WaitOptions,
} from 'meilisearch';

/** A search answer, as far as the engine reads it. */
export interface MeilisearchSearchAnswer {
  hits: RecordAny[];
  processingTimeMs: number;
  /** Present when the search asked for `page`/`hitsPerPage`: the exact count. */
  totalHits?: number;
  /** Present when the search asked for `offset`/`limit`. */
  estimatedTotalHits?: number;
  facetDistribution?: FacetDistribution;
}

/** The part of the official client's `Index` the engine uses. */
export interface MeilisearchIndexClient {
  search(query: string | null, options: SearchParams): Promise<MeilisearchSearchAnswer>;
  getDocuments(params: DocumentsQuery): Promise<ResourceResults<RecordAny[]>>;
  addDocuments(documents: RecordAny[], options?: DocumentOptions): Promise<EnqueuedTask>;
  deleteDocuments(ids: string[]): Promise<EnqueuedTask>;
  updateSettings(settings: Settings): Promise<EnqueuedTask>;
}

/**
 * The part of the official `Meilisearch` client the engine uses: the real
 * client satisfies it as is, and tests pass a small fake.
 */
export interface MeilisearchClient {
  index(uid: string): MeilisearchIndexClient;
  getRawIndex(uid: string): Promise<IndexObject>;
  createIndex(uid: string, options?: IndexOptions): Promise<EnqueuedTask>;
  deleteIndex(uid: string): Promise<EnqueuedTask>;
  swapIndexes(swaps: IndexSwap[]): Promise<EnqueuedTask>;
  multiSearch(request: MultiSearchParams): Promise<{ results: MeilisearchSearchAnswer[] }>;
  health(): Promise<Health>;
  readonly tasks: { waitForTask(task: number, options?: WaitOptions): Promise<Task> };
}
