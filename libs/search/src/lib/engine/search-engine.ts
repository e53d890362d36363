import type { EntityManager } from 'typeorm';

/** Types a search can be narrowed to: the GraphQL type names of the indexed kinds. */
export type SearchType = string;

/** At most this many access clauses per document (see {@link IndexedDocument.access}). */
export const MAX_ACCESS_CLAUSES = 4;

/**
 * One item as an engine stores it: a kind's `SearchDocument`, completed by the
 * search library (territories with their ancestors, language, version).
 */
export interface IndexedDocument {
  /** `<type>:<id>`: unique across kinds. */
  key: string;
  type: SearchType;
  id: string;
  /** The outbox version it was built at: an engine never replaces a document with an older version. */
  version: number;
  title: string;
  summary: string | null;
  body: string;
  /** `it` or `en`, detected from the words. */
  language: 'it' | 'en';
  authorId: string | null;
  communityId: string | null;
  /** The item's territories and all their ancestors (filtering by Lombardy finds Lecco). */
  territoryIds: string[];
  /** Their names: "anziani Lombardia" finds what is in Lecco. */
  places: string[];
  tags: string[];
  /** Skill keys (profiles). */
  skills: string[];
  createdAt: Date;
  updatedAt: Date;
  /**
   * Who may find it: a reader must hold one principal of every clause (the
   * kind's `Audience.restrictions`), at most {@link MAX_ACCESS_CLAUSES}; no
   * clause, everyone may.
   */
  access: string[][];
  /**
   * Keys of the items whose changes change this document (`Thread:<id>` for
   * a reply, `Community:<id>` for what lives in a community): when one of
   * them changes, the document is built again.
   */
  scopes: string[];
}

/** A document leaving the index at a version (deleted, or no longer indexable). */
export interface RemovedDocument {
  key: string;
  version: number;
}

export interface SearchFilter {
  types?: SearchType[];
  /** Any of them (with descendants, since documents carry ancestors). */
  territoryIds?: string[];
  /** Any of them. */
  tags?: string[];
  communityIds?: string[];
  authorId?: string;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
}

export type SearchOrder = 'RELEVANCE' | 'NEWEST';

/** What the reader typed. Each engine applies the glossary (and typo tolerance) its own way. */
export interface QueryTerms {
  /** The query as typed, trimmed; empty to browse by filter. */
  text: string;
}

export interface SearchRequest {
  query: QueryTerms;
  filter: SearchFilter;
  /** The reader's principals (`everyone` alone for anonymous readers). */
  principals: readonly string[];
  order: SearchOrder;
  offset: number;
  limit: number;
  /** False when nobody will read the facets: they are not counted, and come back empty. */
  facets?: boolean;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchFacets {
  types: FacetCount[];
  territories: FacetCount[];
  tags: FacetCount[];
  skills: FacetCount[];
}

/** The facets of a search that counted none. */
export const NO_FACETS: SearchFacets = { types: [], territories: [], tags: [], skills: [] };

export interface SearchHitResult {
  type: SearchType;
  id: string;
  /** Title, HTML-escaped, with the matched words in `<mark>`. */
  title: string;
  /** A passage of the summary or body, HTML-escaped, with the matched words in `<mark>`. */
  snippet: string;
}

export interface SearchResponse {
  hits: SearchHitResult[];
  /** Every match the reader may see, whatever the page. */
  total: number;
  facets: SearchFacets;
  /** As the engine reports it. */
  processingTimeMs: number;
}

export interface SimilarRequest {
  title: string;
  body: string;
  types: SearchType[];
  principals: readonly string[];
  limit: number;
}

export interface EngineHealth {
  ok: boolean;
  /** Why not, for operators. */
  detail?: string;
}

/**
 * Where documents are indexed and searched. Two adapters: PostgreSQL (the
 * embedded default) and Meilisearch (`MEILI_HOST`). Every method fails loudly
 * (throws) when the engine cannot do what was asked; the indexer retries.
 */
export interface SearchEngine {
  readonly name: 'postgres' | 'meilisearch';
  /** Creates or updates the index and its settings; idempotent, run at start. */
  prepare(): Promise<void>;
  /**
   * Stores documents and removals, skipping any older than what is stored.
   * `transaction` is the indexer's (the PostgreSQL adapter writes in it, so
   * the index moves with the indexer's position); other engines ignore it.
   */
  apply(changes: { upserts: IndexedDocument[]; removals: RemovedDocument[] }, transaction?: EntityManager): Promise<void>;
  /** Keys of the stored documents that name `scope` among their scopes. */
  dependents(scope: string): Promise<string[]>;
  search(request: SearchRequest): Promise<SearchResponse>;
  /** Documents like a text being written (a question's title and body), best first. */
  similar(request: SimilarRequest): Promise<SearchHitResult[]>;
  health(): Promise<EngineHealth>;
  /**
   * Builds a new index aside from `batches`, then swaps it in for the live
   * one, which serves searches until then.
   */
  rebuild(batches: AsyncIterable<IndexedDocument[]>): Promise<{ documents: number }>;
}
