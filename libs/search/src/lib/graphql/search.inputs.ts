import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { SearchType } from '../searchable';

export enum SearchOrderBy {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
}
registerEnumType(SearchOrderBy, {
  name: 'SearchOrderBy',
  valuesMap: { RELEVANCE: { description: 'Best matches first (newest first when browsing without words).' }, NEWEST: { description: 'Newest first.' } },
});

@InputType({ description: 'Narrows a search; every list means any of its values, and the fields combine.' })
export class SearchFilterInput {
  @Field(() => [SearchType], { nullable: true })
  types?: SearchType[] | null;

  @Field(() => [ID], { nullable: true, description: 'Territories, each with everything within it (Lombardy finds Lecco).' })
  territoryIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Tags, or skill keys for profiles.' })
  tags?: string[] | null;

  @Field(() => [ID], { nullable: true })
  communityIds?: string[] | null;

  @Field(() => ID, { nullable: true })
  authorId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Created at or after.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Created before.' })
  to?: Date | null;
}
