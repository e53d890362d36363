import { Args, Context, Info, Int, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selects, type RequestContext } from '@bottega/core';
import { SearchHit } from '../searchable';
import { SearchFilterInput, SearchOrderBy } from './search.inputs';
import { SearchResultConnection } from './search.model';
import { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Query(() => SearchResultConnection, {
    name: 'search',
    description:
      'Finds threads, replies, practices and stories, and competence profiles, in Italian or English, with typos and synonyms; ' +
      'an empty query browses by the filter. Never returns nor counts what the reader may not read.',
  })
  find(
    @Context() context: RequestContext,
    @Args('query', { description: 'What to look for, at most 200 characters; empty to browse.' }) query: string,
    @Args('filter', { type: () => SearchFilterInput, nullable: true }) filter: SearchFilterInput | null,
    @Args('orderBy', { type: () => SearchOrderBy, defaultValue: SearchOrderBy.RELEVANCE }) orderBy: SearchOrderBy,
    @Args('first', { type: () => Int, nullable: true, description: 'Hits per page, 1 to 50 (10).' }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchResultConnection> {
    return this.search.search(context, { query, filter, orderBy, first, after, facets: selects(info, 'facets') });
  }

  @Query(() => [SearchHit], {
    description: 'Existing threads and practices like a question being written ("is one of these your question?"), best first.',
  })
  similar(
    @Context() context: RequestContext,
    @Args('title') title: string,
    @Args('body', { type: () => String, nullable: true }) body: string | null,
    @Args('first', { type: () => Int, nullable: true, description: 'At most 10 (5).' }) first: number | null,
  ): Promise<object[]> {
    return this.search.similar(context, title, body, first ?? 5);
  }
}
