import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Form, Link } from 'react-router';
import type { ResultOf } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import { useRouteQuery } from '../../app/routing';
import { HomeQuery } from './home.queries';
import { PracticeCard } from './practice-card';
import '../search/search.css';

type Exchange = ResultOf<typeof HomeQuery>['peerExchanges']['nodes'][number];

// Typed against the schema's enum, so a format the API adds fails the typecheck until it has a label.
const FORMATS: Record<Exchange['format'], string> = {
  STUDY_VISIT: 'home.exchanges.format.STUDY_VISIT',
  WORKSHOP: 'home.exchanges.format.WORKSHOP',
  WEBINAR: 'home.exchanges.format.WEBINAR',
  MENTORING: 'home.exchanges.format.MENTORING',
  PEER_REVIEW: 'home.exchanges.format.PEER_REVIEW',
};

export function HomePage() {
  const intl = useIntl();
  const [{ data }] = useRouteQuery(HomeQuery);
  if (!data) return null;
  return (
    <>
      <PageMeta
        title={intl.formatMessage({ id: 'home.meta.title' })}
        description={intl.formatMessage({ id: 'home.meta.description' })}
        path="/"
      />
      <h1>
        <FormattedMessage id="home.title" />
      </h1>
      <p className="page-intro">
        <FormattedMessage id="home.intro" />
      </p>
      <Form method="get" action="/search" role="search" className="search-form">
        <label htmlFor="home-search">
          <FormattedMessage id="home.search.label" />
        </label>
        <div className="search-form__row">
          <input id="home-search" type="search" name="q" maxLength={200} />
          <button type="submit">
            <FormattedMessage id="home.search.submit" />
          </button>
        </div>
      </Form>

      <section aria-labelledby="home-practices">
        <h2 id="home-practices">
          <FormattedMessage id="home.practices.title" />
        </h2>
        <ul className="cards cards--three">
          {data.practices.nodes.map((practice, index) => (
            <PracticeCard key={index} practice={practice} />
          ))}
        </ul>
        <p>
          <Link to="/practices">
            <FormattedMessage id="home.practices.all" />
          </Link>
        </p>
      </section>

      <section aria-labelledby="home-stories">
        <h2 id="home-stories">
          <FormattedMessage id="home.stories.title" />
        </h2>
        <ul className="cards cards--three">
          {data.stories.nodes.map((story, index) => (
            <PracticeCard key={index} practice={story} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="home-questions">
        <h2 id="home-questions">
          <FormattedMessage id="home.questions.title" />
        </h2>
        <ul className="cards">
          {data.questions.nodes.map((thread) => (
            <li key={thread.id} className="card">
              <h3>
                <Link to={`/threads/${encodeURIComponent(thread.id)}`} lang={thread.language}>
                  {thread.title}
                </Link>
              </h3>
              <p className="meta">
                <Link to={`/communities/${thread.community.slug}`}>{thread.community.name}</Link>
                {' · '}
                <FormattedMessage id="home.questions.replies" values={{ count: Math.max(thread.postCount - 1, 0) }} />
                {' · '}
                {thread.answered ? <FormattedMessage id="home.questions.answered" /> : <FormattedMessage id="home.questions.open" />}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="home-exchanges">
        <h2 id="home-exchanges">
          <FormattedMessage id="home.exchanges.title" />
        </h2>
        {data.peerExchanges.nodes.length === 0 ? (
          <p>
            <FormattedMessage id="home.exchanges.none" />
          </p>
        ) : (
          <ul className="cards">
            {data.peerExchanges.nodes.map((exchange) => (
              <li key={exchange.id} className="card">
                <h3>
                  <Link to={`/peer-exchanges/${encodeURIComponent(exchange.id)}`} lang={exchange.language}>
                    {exchange.title}
                  </Link>
                </h3>
                <p className="meta">
                  <FormattedMessage id={FORMATS[exchange.format]} />
                  {' · '}
                  {exchange.hostTerritory.name}
                  {' · '}
                  <FormattedDate value={exchange.startsAt} year="numeric" month="long" day="numeric" hour="2-digit" minute="2-digit" />
                </p>
                <p>
                  {exchange.status === 'OPEN' ? (
                    <FormattedMessage id="home.exchanges.seatsLeft" values={{ count: exchange.seatsLeft }} />
                  ) : (
                    <FormattedMessage id="home.exchanges.closed" />
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="home-territories">
        <h2 id="home-territories">
          <FormattedMessage id="home.territories.title" />
        </h2>
        <ul className="cards cards--three">
          {data.territories.nodes.map((region) => (
            <li key={region.id} className="card">
              <h3>
                <Link to={`/territories/${region.code}`}>{region.name}</Link>
              </h3>
              {region.children.length > 0 ? (
                <p className="meta">
                  {region.children.map((province, index) => (
                    <span key={province.id}>
                      {index > 0 ? ', ' : ''}
                      <Link to={`/territories/${province.code}`}>{province.name}</Link>
                    </span>
                  ))}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
