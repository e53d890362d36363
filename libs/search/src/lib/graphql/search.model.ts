import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@bottega/core';
import { Territory } from '@bottega/territories';
import { SearchHit, SearchType } from '../searchable';

@ObjectType({ description: 'Where a hit matched, as safe HTML: the text escaped, the matched words in `<mark>`, no other markup.' })
export class SearchHighlight {
  @Field({ description: 'The title, matched words marked.' })
  title!: string;

  @Field({ description: 'A passage of the summary or body around the matched words.' })
  snippet!: string;
}

@ObjectType()
export class SearchHitEdge {
  @Field({ description: 'Pass to `after` to continue from this hit.' })
  cursor!: string;

  @Field(() => SearchHit)
  node!: object;

  @Field(() => SearchHighlight)
  highlight!: SearchHighlight;
}

@ObjectType({ description: 'How many hits are of one type.' })
export class SearchTypeCount {
  @Field(() => SearchType)
  type!: SearchType;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'How many hits are in a territory (or in the territories it contains).' })
export class SearchTerritoryCount {
  @Field(() => Territory)
  territory!: Territory;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'How many hits carry a tag or a skill.' })
export class SearchValueCount {
  @Field()
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Counts of the hits by type, territory, tag and skill, over every page; the most frequent first.' })
export class SearchFacets {
  @Field(() => [SearchTypeCount])
  types!: SearchTypeCount[];

  @Field(() => [SearchTerritoryCount])
  territories!: SearchTerritoryCount[];

  @Field(() => [SearchValueCount])
  tags!: SearchValueCount[];

  @Field(() => [SearchValueCount], { description: 'Skill keys of the competence profiles among the hits.' })
  skills!: SearchValueCount[];
}

@ObjectType({ description: 'A page of search hits, with the facets and total of every hit the reader may see.' })
export class SearchResultConnection {
  @Field(() => [SearchHitEdge])
  edges!: SearchHitEdge[];

  @Field(() => [SearchHit], { description: 'The nodes of `edges`, for clients that need no cursors or highlights.' })
  nodes!: object[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Hits the reader may see, across all pages.' })
  totalCount!: number;

  @Field(() => SearchFacets)
  facets!: SearchFacets;

  @Field(() => Int, { description: 'How long the engine took, in milliseconds.' })
  processingTimeMs!: number;

  @Field({ description: 'The engine that answered: `postgres` or `meilisearch`.' })
  engine!: string;
}
