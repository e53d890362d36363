import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Form, Link, useLoaderData, useLocation } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf, VariablesOf } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import { markOnly, readSearchParams, searchHref, TYPE_PARAMS, type SearchParams } from './search-params';
import { SearchQuery, TerritoryIdQuery } from './search.queries';
import './search.css';

type Connection = ResultOf<typeof SearchQuery>['search'];
type Hit = Connection['edges'][number];
type HitType = Connection['facets']['types'][number]['type'];

// Typed against the schema's enum, so a type the API adds fails the typecheck until it has a label.
const TYPES: Record<HitType, string> = {
  PRACTICE: 'search.type.PRACTICE',
  THREAD: 'search.type.THREAD',
  POST: 'search.type.POST',
  COMPETENCE_PROFILE: 'search.type.COMPETENCE_PROFILE',
  PEER_EXCHANGE: 'search.type.PEER_EXCHANGE',
};

function hitHref(node: Hit['node']): string {
  switch (node.__typename) {
    case 'Practice':
      return `/practices/${node.slug}`;
    case 'Thread':
      return `/threads/${encodeURIComponent(node.id)}`;
    case 'Post':
      return `/threads/${encodeURIComponent(node.thread.id)}#post-${encodeURIComponent(node.id)}`;
    case 'CompetenceProfile':
      return `/u/${node.user.handle}`;
    case 'PeerExchange':
      return `/peer-exchanges/${encodeURIComponent(node.id)}`;
  }
}

function hitType(node: Hit['node']): HitType {
  switch (node.__typename) {
    case 'Practice':
      return 'PRACTICE';
    case 'Thread':
      return 'THREAD';
    case 'Post':
      return 'POST';
    case 'CompetenceProfile':
      return 'COMPETENCE_PROFILE';
    case 'PeerExchange':
      return 'PEER_EXCHANGE';
  }
}

function HitItem({ hit }: { hit: Hit }) {
  const { node, highlight } = hit;
  // The language the text is written in (a profile's is its owner's choice of words: not told).
  const lang = node.__typename === 'CompetenceProfile' ? undefined : node.language;
  const community = node.__typename === 'Thread' ? node.community : node.__typename === 'Post' ? node.thread.community : null;
  return (
    <li className="card search-hit">
      <p className="meta">
        <FormattedMessage id={node.__typename === 'Practice' && node.kind === 'STORY' ? 'search.type.STORY' : TYPES[hitType(node)]} />
        {community ? <> · {community.name}</> : null}
        {node.__typename === 'PeerExchange' ? (
          <>
            {' · '}
            <FormattedDate value={node.startsAt} year="numeric" month="long" day="numeric" />
          </>
        ) : null}
      </p>
      <h3>
        {/* Highlights come from the API escaped, with <mark> around the matches; markOnly lets nothing else through. */}
        <Link to={hitHref(node)} lang={lang} dangerouslySetInnerHTML={{ __html: markOnly(highlight.title) }} />
      </h3>
      {highlight.snippet ? <p className="search-hit__snippet" lang={lang} dangerouslySetInnerHTML={{ __html: markOnly(highlight.snippet) }} /> : null}
    </li>
  );
}

function FacetList<T>(props: {
  id: string;
  title: string;
  items: T[];
  label: (item: T) => string;
  count: (item: T) => number;
  href: (item: T) => string;
  current: (item: T) => boolean;
}) {
  if (props.items.length === 0) return null;
  return (
    <section aria-labelledby={props.id} className="facet">
      <h3 id={props.id}>{props.title}</h3>
      <ul>
        {props.items.map((item) => (
          <li key={props.href(item)}>
            <Link to={props.href(item)} aria-current={props.current(item) ? 'true' : undefined}>
              {props.label(item)} <span className="facet__count">({props.count(item)})</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Results({ params, search, territoryName }: { params: SearchParams; search: Connection; territoryName: string | null }) {
  const intl = useIntl();
  const { facets } = search;
  const active: { label: string; without: Partial<SearchParams> }[] = [];
  if (params.type) active.push({ label: intl.formatMessage({ id: TYPES[params.type] }), without: { ...params, type: null } });
  if (params.territory && territoryName) active.push({ label: territoryName, without: { ...params, territory: null } });
  if (params.tag) active.push({ label: params.tag, without: { ...params, tag: null } });
  const first = { ...params, after: null };
  return (
    <>
      <p role="status" className="search-total">
        <FormattedMessage id="search.total" values={{ count: search.totalCount }} />
      </p>
      {active.length > 0 ? (
        <ul className="tags search-active" aria-label={intl.formatMessage({ id: 'search.filters.active' })}>
          {active.map((filter) => (
            <li key={filter.label}>
              <Link to={searchHref({ ...filter.without, after: null })}>
                <FormattedMessage id="search.filters.remove" values={{ filter: filter.label }} />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="search-layout">
        <section className="search-results" aria-labelledby="search-results">
          <h2 id="search-results">
            <FormattedMessage id="search.results" />
          </h2>
          {search.edges.length === 0 ? (
            <p>
              <FormattedMessage id="search.none" />
            </p>
          ) : (
            <ol className="cards">
              {search.edges.map((hit) => (
                <HitItem key={hit.cursor} hit={hit} />
              ))}
            </ol>
          )}
          {search.pageInfo.hasNextPage || params.after ? (
            <nav className="pager" aria-label={intl.formatMessage({ id: 'search.pages' })}>
              {params.after ? (
                <Link to={searchHref(first)}>
                  <FormattedMessage id="search.firstPage" />
                </Link>
              ) : null}
              {search.pageInfo.hasNextPage && search.pageInfo.endCursor ? (
                <Link to={searchHref({ ...params, after: search.pageInfo.endCursor })} rel="next">
                  <FormattedMessage id="search.nextPage" />
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
        {facets.types.length + facets.territories.length + facets.tags.length > 0 ? (
          <aside className="search-facets" aria-labelledby="search-facets">
            <h2 id="search-facets">
              <FormattedMessage id="search.facets.title" />
            </h2>
            <FacetList
              id="facet-types"
              title={intl.formatMessage({ id: 'search.facets.types' })}
              items={facets.types}
              label={(item) => intl.formatMessage({ id: TYPES[item.type] })}
              count={(item) => item.count}
              href={(item) => searchHref({ ...first, type: item.type })}
              current={(item) => item.type === params.type}
            />
            <FacetList
              id="facet-territories"
              title={intl.formatMessage({ id: 'search.facets.territories' })}
              items={facets.territories}
              label={(item) => item.territory.name}
              count={(item) => item.count}
              href={(item) => searchHref({ ...first, territory: item.territory.code })}
              current={(item) => item.territory.code === params.territory}
            />
            <FacetList
              id="facet-tags"
              title={intl.formatMessage({ id: 'search.facets.tags' })}
              items={facets.tags}
              label={(item) => item.value}
              count={(item) => item.count}
              href={(item) => searchHref({ ...first, tag: item.value })}
              current={(item) => item.value === params.tag}
            />
          </aside>
        ) : null}
      </div>
    </>
  );
}

export function SearchPage() {
  const intl = useIntl();
  const location = useLocation();
  const params = readSearchParams(new URLSearchParams(location.search));
  const { variables, browsing } = useLoaderData<{ variables: VariablesOf<typeof SearchQuery>; browsing: boolean }>();
  const [{ data }] = useQuery({ query: SearchQuery, variables, pause: browsing });
  const [{ data: territory }] = useQuery({ query: TerritoryIdQuery, variables: { code: params.territory ?? '' }, pause: !params.territory });
  const title = params.q
    ? intl.formatMessage({ id: 'search.meta.titleFor' }, { query: params.q })
    : intl.formatMessage({ id: 'search.meta.title' });
  return (
    <>
      <PageMeta title={title} description={intl.formatMessage({ id: 'search.meta.description' })} path={searchHref({ ...params, after: null })} />
      <h1>
        <FormattedMessage id="search.title" />
      </h1>
      <Form method="get" action="/search" role="search" className="search-form">
        <label htmlFor="search-q">
          <FormattedMessage id="search.label" />
        </label>
        <div className="search-form__row">
          <input id="search-q" type="search" name="q" defaultValue={params.q} maxLength={200} key={params.q} />
          {params.type ? <input type="hidden" name="type" value={TYPE_PARAMS[params.type]} /> : null}
          {params.territory ? <input type="hidden" name="territory" value={params.territory} /> : null}
          {params.tag ? <input type="hidden" name="tag" value={params.tag} /> : null}
          <button type="submit">
            <FormattedMessage id="search.submit" />
          </button>
        </div>
      </Form>
      {browsing ? (
        <p className="page-intro">
          <FormattedMessage id="search.empty" />
        </p>
      ) : data ? (
        <Results params={params} search={data.search} territoryName={territory?.territory?.name ?? null} />
      ) : null}
    </>
  );
}
