import { useId, useState, type FormEvent } from 'react';
import { FormattedDate, FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../app/graphql';
import { AuditLogQuery, UserByHandleQuery } from './moderation.queries';
import { QueryFailure, StaffPage } from './staff-gate';
import './moderation.css';

const PAGE = 25;

type Entry = ResultOf<typeof AuditLogQuery>['auditLog']['edges'][number]['node'];

/** The log's actions are open-ended codes; known ones get words, others are shown as recorded. */
function actionLabel(intl: IntlShape, action: string): string {
  const id = `moderation.auditAction.${action}`;
  return id in intl.messages ? intl.formatMessage({ id }) : action;
}

function subjectLink(entry: Entry) {
  const subject = entry.subject;
  if (!subject) {
    return (
      <>
        {entry.subjectType} <span className="meta">(<FormattedMessage id="moderation.audit.gone" />)</span>
      </>
    );
  }
  switch (subject.__typename) {
    case 'User':
      return <Link to={`/u/${subject.handle}`}>{subject.displayName}</Link>;
    case 'Thread':
      return <Link to={`/threads/${encodeURIComponent(subject.id)}`}>{subject.title}</Link>;
    case 'Practice':
      return <Link to={`/practices/${subject.slug}`}>{subject.title}</Link>;
    case 'Post':
      return <Link to={`/p/${encodeURIComponent(subject.id)}`}>{subject.thread.title}</Link>;
    default:
      return <>{entry.subjectType}</>;
  }
}

function Filters() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const [actor, setActor] = useState(params.get('actor') ?? '');
  const [subject, setSubject] = useState(params.get('subject') ?? '');
  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (actor.trim()) next.set('actor', actor.trim().replace(/^@/, ''));
    if (subject.trim()) next.set('subject', subject.trim());
    setParams(next);
  }
  return (
    <form className="staff-form audit-filters" onSubmit={submit} role="search" aria-labelledby={`${id}-legend`}>
      <h2 id={`${id}-legend`}>
        <FormattedMessage id="moderation.audit.filter" />
      </h2>
      <div className="field">
        <label htmlFor={`${id}-actor`}>
          <FormattedMessage id="moderation.audit.actor" />
        </label>
        <input id={`${id}-actor`} value={actor} onChange={(event) => setActor(event.target.value)} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-subject`}>
          <FormattedMessage id="moderation.audit.subject" />
        </label>
        <input id={`${id}-subject`} value={subject} onChange={(event) => setSubject(event.target.value)} autoComplete="off" />
      </div>
      <div className="staff-actions">
        <button type="submit" className="button">
          <FormattedMessage id="moderation.audit.apply" />
        </button>
        {params.get('actor') || params.get('subject') ? (
          <Link to="/moderation/audit" onClick={() => (setActor(''), setSubject(''))}>
            <FormattedMessage id="moderation.audit.clear" />
          </Link>
        ) : null}
      </div>
    </form>
  );
}

function Log({ actorId, subject }: { actorId: string | null; subject: string | null }) {
  const intl = useIntl();
  const [params] = useSearchParams();
  const after = params.get('after');
  const before = params.get('before');
  const filter = actorId || subject ? { ...(actorId ? { actor: actorId } : {}), ...(subject ? { subject } : {}) } : null;
  const [result, reexecute] = useQuery({
    query: AuditLogQuery,
    variables: before ? { last: PAGE, before, filter } : { first: PAGE, after, filter },
    requestPolicy: 'cache-and-network',
  });
  const log = result.data?.auditLog;
  if (result.error && !log) return <QueryFailure error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!log)
    return (
      <p role="status">
        <FormattedMessage id="moderation.loading" />
      </p>
    );
  const keep = new URLSearchParams(params);
  keep.delete('after');
  keep.delete('before');
  const pageHref = (key: 'after' | 'before', cursor: string | null | undefined) => {
    const next = new URLSearchParams(keep);
    if (cursor) next.set(key, cursor);
    return `/moderation/audit?${next.toString()}`;
  };
  const hasNewer = before ? log.pageInfo.hasPreviousPage : Boolean(after);
  const hasOlder = before ? true : log.pageInfo.hasNextPage;
  return (
    <>
      <p className="staff-total" role="status">
        <FormattedMessage id="moderation.audit.count" values={{ count: log.totalCount }} />
      </p>
      <div className="staff-table-wrap" tabIndex={0} role="region" aria-label={intl.formatMessage({ id: 'moderation.audit.caption' })}>
        <table className="staff-table">
          <caption>
            <FormattedMessage id="moderation.audit.caption" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="moderation.audit.when" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.audit.who" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.audit.what" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.audit.on" />
              </th>
              <th scope="col">
                <FormattedMessage id="moderation.audit.why" />
              </th>
            </tr>
          </thead>
          <tbody>
            {log.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <time dateTime={node.createdAt}>
                    <FormattedDate value={node.createdAt} year="numeric" month="short" day="numeric" hour="2-digit" minute="2-digit" />
                  </time>
                </td>
                <td>{node.actor ? <Link to={`/u/${node.actor.handle}`}>{node.actor.displayName}</Link> : <FormattedMessage id="moderation.audit.automatic" />}</td>
                <td>{actionLabel(intl, node.action)}</td>
                <td>{subjectLink(node)}</td>
                <td>{node.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hasNewer || hasOlder ? (
        <nav className="pager" aria-label={intl.formatMessage({ id: 'moderation.audit.pages' })}>
          {hasNewer ? (
            <Link to={log.pageInfo.hasPreviousPage || before ? pageHref('before', log.pageInfo.startCursor) : pageHref('after', null)}>
              <FormattedMessage id="moderation.audit.newer" />
            </Link>
          ) : null}
          {hasOlder ? (
            <Link to={pageHref('after', log.pageInfo.endCursor)}>
              <FormattedMessage id="moderation.audit.older" />
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

function FilteredLog() {
  const [params] = useSearchParams();
  const handle = params.get('actor');
  const subject = params.get('subject');
  const [actor] = useQuery({ query: UserByHandleQuery, variables: { handle: handle ?? '' }, pause: !handle });
  if (handle && actor.fetching) return null;
  if (handle && !actor.data?.user) {
    return (
      <p role="alert">
        <FormattedMessage id="moderation.audit.unknownActor" />
      </p>
    );
  }
  return <Log actorId={actor.data?.user?.id ?? null} subject={subject} />;
}

export function AuditPage() {
  const intl = useIntl();
  return (
    <StaffPage title={intl.formatMessage({ id: 'moderation.audit.title' })} description={intl.formatMessage({ id: 'moderation.audit.description' })} path="/moderation/audit">
      <Filters />
      <FilteredLog />
    </StaffPage>
  );
}
