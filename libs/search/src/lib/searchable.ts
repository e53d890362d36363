import { createUnionType, registerEnumType } from '@nestjs/graphql';

type Model = new (...args: never[]) => object;

/** What a search can be narrowed to; each value names a GraphQL type (`THREAD` → `Thread`). */
export enum SearchType {
  THREAD = 'Thread',
  POST = 'Post',
  PRACTICE = 'Practice',
  COMPETENCE_PROFILE = 'CompetenceProfile',
  PEER_EXCHANGE = 'PeerExchange',
}
registerEnumType(SearchType, {
  name: 'SearchType',
  description: 'A kind of content search finds: threads, replies, practices and stories, competence profiles.',
});

const SEARCHABLE = new Map<string, Model>();

/**
 * Makes a content kind's GraphQL type findable: a member of `SearchHit`, and
 * indexed from its content registry entry's documents. Called where the kind
 * is registered, at import, since the schema is built before modules start;
 * the type must be one of {@link SearchType}.
 */
export function searchable(type: SearchType, model: Model): void {
  SEARCHABLE.set(type, model);
}

/** Whether documents of `type` are indexed. */
export function isSearchable(type: string): boolean {
  return SEARCHABLE.has(type);
}

export const SearchHit = createUnionType({
  name: 'SearchHit',
  description: 'What search finds: a thread, a reply, a practice or story, a competence profile.',
  types: () => [...SEARCHABLE.values()],
  resolveType: (value: object) => [...SEARCHABLE.values()].find((model) => value instanceof model),
});
