import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  AccessDirectory,
  AppError,
  BadInputError,
  CORE_OPTIONS,
  ErrorCode,
  NodeRegistry,
  fromGlobalId,
  type CoreOptions,
  type RequestContext,
} from '@bottega/core';
import { Territory, TerritoryLoaders } from '@bottega/territories';
import type { SearchEngine, SearchFilter, SearchHitResult, SearchResponse } from '../engine/search-engine';
import { SearchEngineError } from '../engine/search-engine.error';
import { SEARCH_ENGINE } from '../engine/search-engine.token';
import { SearchType } from '../searchable';
import type { SearchFilterInput, SearchOrderBy } from './search.inputs';
import type { SearchFacets, SearchHitEdge, SearchResultConnection } from './search.model';

/** Longer queries are refused: nobody types them, and each word costs the engine. */
export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_HITS = 10;
export const MAX_HITS = 50;
/** Deeper pages are refused: past this, refine the query. */
export const MAX_OFFSET = 1_000;
/** Values per filter list. */
const MAX_FILTER_VALUES = 50;
const MAX_TAG_LENGTH = 60;
const CURSOR_PREFIX = 'search:';

export interface SearchArgs {
  query: string;
  filter?: SearchFilterInput | null;
  orderBy: SearchOrderBy;
  first?: number | null;
  after?: string | null;
  /** Whether the facets are asked for: they are counted only then. */
  facets: boolean;
}

/**
 * Search as readers use it: the query and filter checked, the reader's
 * principals handed to the engine (which neither returns nor counts what
 * they may not read), and each hit shown as its node, loaded through its
 * kind's own access check.
 */
@Injectable()
export class SearchService {
  private readonly logger: Logger;

  constructor(
    @Inject(CORE_OPTIONS) options: CoreOptions,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly directory: AccessDirectory,
    private readonly nodes: NodeRegistry,
    private readonly territories: TerritoryLoaders,
  ) {
    this.logger = options.logger.child({ component: 'search' });
  }

  async search(context: RequestContext, args: SearchArgs): Promise<SearchResultConnection> {
    const text = queryText(args.query);
    const limit = pageSize(args.first);
    const offset = args.after ? offsetOf(args.after) : 0;
    const filter = filterOf(args.filter);
    const principals = (await this.directory.of(context)).list;
    const response = await this.engineCall(() =>
      this.engine.search({ query: { text }, filter, principals, order: args.orderBy, offset, limit, facets: args.facets }),
    );
    // The hits' nodes and the facets' places are loaded side by side.
    const [nodes, facets] = await Promise.all([this.load(context, response.hits), this.facets(context, response)]);
    const edges: SearchHitEdge[] = [];
    response.hits.forEach((hit, index) => {
      const node = nodes.get(`${hit.type}:${hit.id}`);
      if (node) edges.push({ cursor: cursorOf(offset + index + 1), node, highlight: { title: hit.title, snippet: hit.snippet } });
    });
    const end = offset + response.hits.length;
    return {
      edges,
      nodes: edges.map((edge) => edge.node),
      pageInfo: {
        hasNextPage: end < response.total && end < MAX_OFFSET,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: response.hits.length > 0 ? cursorOf(end) : null,
      },
      totalCount: response.total,
      facets,
      processingTimeMs: response.processingTimeMs,
      engine: this.engine.name,
    };
  }

  /** Existing threads (and practices) like a question being written, for "is one of these your question?". */
  async similar(context: RequestContext, title: string, body: string | null, first: number | null | undefined): Promise<object[]> {
    queryText(title);
    const principals = (await this.directory.of(context)).list;
    const hits = await this.engineCall(() =>
      this.engine.similar({
        title,
        body: (body ?? '').slice(0, 2_000),
        types: [SearchType.THREAD, SearchType.PRACTICE],
        principals,
        limit: Math.min(pageSize(first), 10),
      }),
    );
    const nodes = await this.load(context, hits);
    return hits.flatMap((hit) => nodes.get(`${hit.type}:${hit.id}`) ?? []);
  }

  /** The hits' nodes by `<type>:<id>`, each through its type's node load (null where the reader may not see it). */
  private async load(context: RequestContext, hits: SearchHitResult[]): Promise<Map<string, object>> {
    const byType = new Map<string, string[]>();
    for (const hit of hits) byType.set(hit.type, [...(byType.get(hit.type) ?? []), hit.id]);
    const found = new Map<string, object>();
    await Promise.all(
      [...byType].map(async ([type, ids]) => {
        const load = this.nodes.loaderFor(type);
        if (!load) return;
        (await load(ids, context)).forEach((node, index) => {
          if (node) found.set(`${type}:${ids[index]}`, node);
        });
      }),
    );
    return found;
  }

  private async facets(context: RequestContext, response: SearchResponse): Promise<SearchFacets> {
    const territories = await context.loaders.get(this.territories.byId).loadMany(response.facets.territories.map((facet) => facet.value));
    return {
      types: response.facets.types.flatMap((facet) => {
        const type = Object.values(SearchType).find((value) => value === facet.value);
        return type ? [{ type, count: facet.count }] : [];
      }),
      territories: response.facets.territories.flatMap((facet, index) => {
        const territory = territories[index];
        return territory && !(territory instanceof Error) ? [{ territory: Territory.from(territory), count: facet.count }] : [];
      }),
      tags: response.facets.tags,
      skills: response.facets.skills,
    };
  }

  private async engineCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof SearchEngineError) {
        this.logger.error({ err: error, engine: error.engine, code: error.code }, 'search engine failed a search');
        throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'Search is not available right now; try again in a moment.');
      }
      throw error;
    }
  }
}

function queryText(query: string): string {
  const text = query.trim();
  if (text.length > MAX_QUERY_LENGTH) throw new BadInputError(`A search is at most ${MAX_QUERY_LENGTH} characters long.`, ['query']);
  return text;
}

function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_HITS;
  if (!Number.isInteger(size) || size < 1 || size > MAX_HITS) throw new BadInputError(`first must be between 1 and ${MAX_HITS}.`, ['first']);
  return size;
}

function cursorOf(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

function offsetOf(cursor: string): number {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = decoded.startsWith(CURSOR_PREFIX) ? Number(decoded.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isInteger(offset) || offset < 0) throw new BadInputError('This cursor is not one of this search.', ['after']);
  if (offset >= MAX_OFFSET) throw new BadInputError(`Search pages end after ${MAX_OFFSET} hits; refine the query.`, ['after']);
  return offset;
}

function filterOf(input: SearchFilterInput | null | undefined): SearchFilter {
  if (!input) return {};
  const ids = (values: string[] | null | undefined, type: string, field: string) =>
    values ? limited(values, field).map((id, index) => fromGlobalId(id, type, ['filter', field, String(index)])) : undefined;
  const filter: SearchFilter = {};
  if (input.types) filter.types = limited(input.types, 'types');
  const territoryIds = ids(input.territoryIds, 'Territory', 'territoryIds');
  if (territoryIds) filter.territoryIds = territoryIds;
  const communityIds = ids(input.communityIds, 'Community', 'communityIds');
  if (communityIds) filter.communityIds = communityIds;
  if (input.tags) {
    filter.tags = limited(input.tags, 'tags').map((tag) => tag.trim().toLowerCase());
    if (filter.tags.some((tag) => tag.length === 0 || tag.length > MAX_TAG_LENGTH)) {
      throw new BadInputError(`A tag has 1 to ${MAX_TAG_LENGTH} characters.`, ['filter', 'tags']);
    }
  }
  if (input.authorId) filter.authorId = fromGlobalId(input.authorId, 'User', ['filter', 'authorId']);
  if (input.from) filter.from = input.from;
  if (input.to) filter.to = input.to;
  if (filter.from && filter.to && filter.from >= filter.to) throw new BadInputError('from must be before to.', ['filter', 'from']);
  return filter;
}

function limited<T>(values: T[], field: string): T[] {
  if (values.length > MAX_FILTER_VALUES) throw new BadInputError(`At most ${MAX_FILTER_VALUES} values per filter.`, ['filter', field]);
  return values;
}

