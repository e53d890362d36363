import { useCallback, useState } from 'react';
import { FormattedDate, FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageMeta } from '../../app/head';
import { useRouteQuery } from '../../app/routing';
import { useSessionState } from '../session/session-context';
import { ExchangeQuery, ExchangeViewerQuery } from './exchange.queries';
import { FORMATS, STATUSES } from './labels';
import { LiveExchange } from './live-updates';
import { ViewerPanel } from './viewer-panel';
import './exchanges.css';

/** Plain text of the description for the page's description, at most ~160 characters. */
function describe(markdown: string): string {
  const text = markdown.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[#>*_`~|-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text;
}

export function ExchangePage() {
  const intl = useIntl();
  const [{ data }] = useRouteQuery(ExchangeQuery);
  const session = useSessionState();
  // Each live change counts: those who run the exchange read its registrations again.
  const [tick, setTick] = useState(0);
  const changed = useCallback(() => setTick((count) => count + 1), []);
  const exchange = data?.node?.__typename === 'PeerExchange' ? data.node : null;
  const [{ data: mine }] = useQuery({ query: ExchangeViewerQuery, variables: { id: exchange?.id ?? '' }, pause: !exchange || session.status !== 'signedIn' });
  const seat = mine?.node?.__typename === 'PeerExchange' ? mine.node.viewerRegistration : null;
  if (!exchange) return null;
  const path = `/peer-exchanges/${encodeURIComponent(exchange.id)}`;
  const when = { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: exchange.timeZone } as const;
  return (
    <article className="prose">
      <PageMeta
        title={`${exchange.title} · Bottega`}
        description={describe(exchange.description.markdown) || exchange.title}
        path={path}
        type="article"
      />
      <LiveExchange id={exchange.id} seat={seat} onChange={changed} />
      <p className="meta">
        <FormattedMessage id={FORMATS[exchange.format]} />
        {' · '}
        <FormattedMessage id={STATUSES[exchange.status]} />
      </p>
      <h1 lang={exchange.language}>{exchange.title}</h1>
      {exchange.status === 'CANCELLED' && exchange.cancelReason ? (
        <p className="page-intro">
          <FormattedMessage id="exchanges.cancelled" values={{ reason: exchange.cancelReason }} />
        </p>
      ) : null}
      <dl className="facts">
        <dt>
          <FormattedMessage id="exchanges.when" />
        </dt>
        <dd>
          <FormattedDate value={exchange.startsAt} {...when} />
          {' – '}
          <FormattedDate value={exchange.endsAt} {...when} />
          {' '}
          <span className="meta">
            <FormattedMessage id="exchanges.timeZone" />
          </span>
        </dd>
        <dt>
          <FormattedMessage id="exchanges.where" />
        </dt>
        <dd>
          <Link to={`/territories/${exchange.hostTerritory.code}`}>{exchange.hostTerritory.name}</Link>
          {exchange.hostProject ? (
            <>
              {' · '}
              <Link to={`/projects/${exchange.hostProject.slug}`}>{exchange.hostProject.title}</Link>
            </>
          ) : null}
        </dd>
        {exchange.hosts.length > 0 ? (
          <>
            <dt>
              <FormattedMessage id="exchanges.hosts" values={{ count: exchange.hosts.length }} />
            </dt>
            <dd>
              {exchange.hosts.map((host, index) => (
                <span key={host.id}>
                  {index > 0 ? ', ' : ''}
                  <Link to={`/u/${host.handle}`}>{host.displayName}</Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
        {exchange.hostCommunity ? (
          <>
            <dt>
              <FormattedMessage id="exchanges.community" />
            </dt>
            <dd>
              <Link to={`/communities/${exchange.hostCommunity.slug}`}>{exchange.hostCommunity.name}</Link>
            </dd>
          </>
        ) : null}
        <dt>
          <FormattedMessage id="exchanges.seats" />
        </dt>
        <dd data-testid="seats">
          <FormattedMessage
            id="exchanges.seats.value"
            values={{ capacity: exchange.capacity, registered: exchange.registeredCount, left: exchange.seatsLeft }}
          />
          {exchange.waitlistedCount > 0 ? (
            <>
              {' · '}
              <FormattedMessage id="exchanges.waitlist" values={{ count: exchange.waitlistedCount }} />
            </>
          ) : null}
        </dd>
        {exchange.status === 'OPEN' ? (
          <>
            <dt>
              <FormattedMessage id="exchanges.deadline" />
            </dt>
            <dd>
              <FormattedDate value={exchange.registrationDeadline} {...when} />
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        {/* The API serves the exchange as an iCalendar file at /exchanges/<id>.ics. */}
        <a href={`/exchanges/${encodeURIComponent(exchange.id)}.ics`} download>
          <FormattedMessage id="exchanges.calendar" />
        </a>
        {exchange.thread ? (
          <>
            {' · '}
            <Link to={`/threads/${encodeURIComponent(exchange.thread.id)}`}>
              <FormattedMessage id="exchanges.discussion" />
            </Link>
          </>
        ) : null}
      </p>

      {session.status === 'signedIn' ? (
        <ViewerPanel id={exchange.id} tick={tick} hosts={exchange.hosts} practices={exchange.practicesToStudy} />
      ) : exchange.status === 'OPEN' ? (
        <p className="exchange-signin">
          <Link to={`/sign-in?next=${encodeURIComponent(path)}`}>
            <FormattedMessage id="exchanges.register.signIn" />
          </Link>
        </p>
      ) : null}

      {exchange.description.html.trim() ? (
        <section aria-labelledby="exchange-about">
          <h2 id="exchange-about">
            <FormattedMessage id="exchanges.about" />
          </h2>
          {/* Sanitized by the API's Markdown renderer. */}
          <div className="section-body" lang={exchange.language} dangerouslySetInnerHTML={{ __html: exchange.description.html }} />
          {exchange.reviewQuestion ? (
            <p>
              <strong>
                <FormattedMessage id="exchanges.reviewQuestion" />
              </strong>{' '}
              {exchange.reviewQuestion}
            </p>
          ) : null}
        </section>
      ) : null}

      {exchange.agenda.length > 0 ? (
        <section aria-labelledby="exchange-agenda">
          <h2 id="exchange-agenda">
            <FormattedMessage id="exchanges.agenda" />
          </h2>
          <ol className="agenda">
            {exchange.agenda.map((item) => (
              <li key={`${item.startsAt}-${item.title}`}>
                <strong>
                  <FormattedDate value={item.startsAt} hour="2-digit" minute="2-digit" timeZone={exchange.timeZone} />
                </strong>{' '}
                {item.title}
                {item.note ? <span className="meta"> · {item.note}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {exchange.practicesToStudy.length + exchange.targetSkills.length > 0 ? (
        <section aria-labelledby="exchange-practices">
          <h2 id="exchange-practices">
            <FormattedMessage id="exchanges.practices" />
          </h2>
          <ul>
            {exchange.practicesToStudy.map((practice) => (
              <li key={practice.id}>
                <Link to={`/practices/${practice.slug}`}>{practice.title}</Link>
              </li>
            ))}
          </ul>
          {exchange.targetSkills.length > 0 ? (
            <ul className="tags" aria-label={intl.formatMessage({ id: 'exchanges.skills' })}>
              {exchange.targetSkills.map((skill) => (
                <li key={skill.id}>{skill.label}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      {exchange.outcomes ? (
        <section aria-labelledby="exchange-outcomes">
          <h2 id="exchange-outcomes">
            <FormattedMessage id="exchanges.outcomes" />
          </h2>
          <div className="section-body" dangerouslySetInnerHTML={{ __html: exchange.outcomes.summary.html }} />
          {exchange.outcomes.learnings.html.trim() ? (
            <>
              <h3>
                <FormattedMessage id="exchanges.learnings" />
              </h3>
              <div className="section-body" dangerouslySetInnerHTML={{ __html: exchange.outcomes.learnings.html }} />
            </>
          ) : null}
          {exchange.outcomes.adoptedPractices.length > 0 ? (
            <>
              <h3>
                <FormattedMessage id="exchanges.adopted" />
              </h3>
              <ul>
                {exchange.outcomes.adoptedPractices.map((practice) => (
                  <li key={practice.id}>
                    <Link to={`/practices/${practice.slug}`}>{practice.title}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {exchange.status === 'COMPLETED' ? (
        <section aria-labelledby="exchange-feedback">
          <h2 id="exchange-feedback">
            <FormattedMessage id="exchanges.feedback" />
          </h2>
          <p>
            {exchange.feedbackSummary.count === 0 || exchange.feedbackSummary.average === null ? (
              <FormattedMessage id="exchanges.feedback.none" />
            ) : (
              <FormattedMessage
                id="exchanges.feedback.summary"
                values={{
                  count: exchange.feedbackSummary.count,
                  average: <FormattedNumber value={exchange.feedbackSummary.average} maximumFractionDigits={1} />,
                }}
              />
            )}
          </p>
        </section>
      ) : null}
    </article>
  );
}
