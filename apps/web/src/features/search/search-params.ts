import type { VariablesOf } from '../../app/graphql';
import type { SearchQuery } from './search.queries';

type SearchType = NonNullable<NonNullable<VariablesOf<typeof SearchQuery>['filter']>['types']>[number];

/** The hit types, as they appear in the query string (`type=practice`). */
export const TYPE_PARAMS: Record<SearchType, string> = {
  PRACTICE: 'practice',
  THREAD: 'thread',
  POST: 'post',
  COMPETENCE_PROFILE: 'profile',
  PEER_EXCHANGE: 'exchange',
};

/** What the search page's URL asks for; unknown values are ignored rather than failing the page. */
export interface SearchParams {
  q: string;
  type: SearchType | null;
  territory: string | null;
  tag: string | null;
  after: string | null;
}

export function readSearchParams(search: URLSearchParams): SearchParams {
  const type = search.get('type');
  const entry = Object.entries(TYPE_PARAMS).find(([, param]) => param === type);
  const text = (name: string) => {
    const value = search.get(name)?.trim();
    return value ? value : null;
  };
  return {
    q: (search.get('q') ?? '').trim().slice(0, 200),
    type: entry ? (entry[0] as SearchType) : null,
    territory: text('territory')?.toUpperCase() ?? null,
    tag: text('tag'),
    after: text('after'),
  };
}

/** The URL of the search page with these parameters (cursor dropped unless given: a new filter starts again at the first page). */
export function searchHref(params: Partial<SearchParams>): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.type) search.set('type', TYPE_PARAMS[params.type]);
  if (params.territory) search.set('territory', params.territory);
  if (params.tag) search.set('tag', params.tag);
  if (params.after) search.set('after', params.after);
  const query = search.toString();
  return query ? `/search?${query}` : '/search';
}

/**
 * The highlighted title or snippet as HTML: the API escapes the text and marks matches with
 * `<mark>`; any other tag is shown as text, so nothing but `<mark>` can reach the page.
 */
export function markOnly(html: string): string {
  return html.replace(/<(?!\/?mark>)/g, '&lt;');
}
