import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link, useLoaderData } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf, VariablesOf } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import { useRouteQuery } from '../../app/routing';
import { FollowButton } from '../../ui/follow-button';
import { TerritoryContentQuery, TerritoryQuery } from './territory.queries';
import './territory.css';

type Territory = NonNullable<ResultOf<typeof TerritoryQuery>['territory']>;

// Typed against the schema's enum, so a level the API adds fails the typecheck until it has a label.
const LEVELS: Record<Territory['level'], string> = {
  REGION: 'territories.level.REGION',
  PROVINCE: 'territories.level.PROVINCE',
  DISTRICT: 'territories.level.DISTRICT',
};

export function TerritoryPage() {
  const intl = useIntl();
  const { content } = useLoaderData<{ content: VariablesOf<typeof TerritoryContentQuery> }>();
  const [{ data }] = useRouteQuery(TerritoryQuery);
  const [{ data: listed }] = useQuery({ query: TerritoryContentQuery, variables: content });
  const territory = data?.territory;
  if (!territory) return null;
  return (
    <>
      <PageMeta
        title={`${territory.name} · Bottega`}
        description={intl.formatMessage({ id: 'territories.meta.description' }, { name: territory.name })}
        path={`/territories/${territory.code}`}
      />
      {territory.ancestors.length > 0 ? (
        <nav aria-label={intl.formatMessage({ id: 'territories.breadcrumb' })}>
          <ol className="breadcrumb">
            {territory.ancestors.map((ancestor) => (
              <li key={ancestor.id}>
                <Link to={`/territories/${ancestor.code}`}>{ancestor.name}</Link>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <p className="meta">
        <FormattedMessage id={LEVELS[territory.level]} />
      </p>
      <h1>{territory.name}</h1>
      <div className="territory__follow">
        <FollowButton key={territory.id} subject={{ subjectId: territory.id }} name={territory.name} />
        <p className="meta">
          <FormattedMessage id="territories.follow.hint" />
        </p>
      </div>

      <section aria-labelledby="territory-practices">
        <h2 id="territory-practices">
          <FormattedMessage id="territories.practices" values={{ count: listed?.practices.totalCount ?? 0 }} />
        </h2>
        {listed && listed.practices.nodes.length === 0 ? (
          <p>
            <FormattedMessage id="territories.practices.none" />
          </p>
        ) : (
          <ul className="cards">
            {listed?.practices.nodes.map((practice) => (
              <li key={practice.id} className="card">
                <h3>
                  <Link to={`/practices/${practice.slug}`}>{practice.title}</Link>
                </h3>
                <p className="meta">
                  <FormattedMessage id={practice.kind === 'STORY' ? 'territories.kind.story' : 'territories.kind.practice'} />
                </p>
                <p>{practice.summary}</p>
              </li>
            ))}
          </ul>
        )}
        {listed && listed.practices.totalCount > listed.practices.nodes.length ? (
          <p>
            <Link to={`/search?territory=${territory.code}&type=practice`}>
              <FormattedMessage id="territories.practices.all" values={{ count: listed.practices.totalCount }} />
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="territory-exchanges">
        <h2 id="territory-exchanges">
          <FormattedMessage id="territories.exchanges" />
        </h2>
        {listed && listed.peerExchanges.nodes.length === 0 ? (
          <p>
            <FormattedMessage id="territories.exchanges.none" />
          </p>
        ) : (
          <ul>
            {listed?.peerExchanges.nodes.map((exchange) => (
              <li key={exchange.id}>
                <Link to={`/peer-exchanges/${encodeURIComponent(exchange.id)}`}>{exchange.title}</Link>
                <span className="meta">
                  {' · '}
                  <FormattedDate value={exchange.startsAt} year="numeric" month="long" day="numeric" />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {territory.children.length > 0 ? (
        <section aria-labelledby="territory-children">
          <h2 id="territory-children">
            <FormattedMessage id="territories.children" />
          </h2>
          <ul className="tags">
            {territory.children.map((child) => (
              <li key={child.id}>
                <Link to={`/territories/${child.code}`}>{child.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
