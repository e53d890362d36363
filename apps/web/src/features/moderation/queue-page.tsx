import { useId, useState, type FormEvent } from 'react';
import { FormattedDate, FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { readFragment, type ResultOf } from '../../app/graphql';
import { FlaggedContentFields, ModerateMutation, ModerationQueueQuery } from './moderation.queries';
import { errorsByField, type UserErrorCode } from '../../ui/form-errors';
import { FieldError, QueryFailure, StaffPage, useDraft, USER_ERRORS } from './staff-gate';
import './moderation.css';

type Case = ResultOf<typeof ModerationQueueQuery>['moderationQueue']['edges'][number]['node'];
type Content = ResultOf<typeof FlaggedContentFields>;
type Action = NonNullable<Case['resolution']>;
type FlagReason = Case['reasons'][number]['reason'];
type Status = 'PENDING' | 'RESOLVED';

// Typed against the schema's enums, so a value the API adds fails the typecheck until it has words.
const REASONS: Record<FlagReason, string> = {
  OFFENSIVE: 'moderation.reason.OFFENSIVE',
  OFF_TOPIC: 'moderation.reason.OFF_TOPIC',
  OTHER: 'moderation.reason.OTHER',
  PRIVACY: 'moderation.reason.PRIVACY',
  SPAM: 'moderation.reason.SPAM',
};
const ACTIONS: Record<NonNullable<Case['resolution']>, string> = {
  DELETE: 'moderation.action.DELETE',
  DISMISS_FLAGS: 'moderation.action.DISMISS_FLAGS',
  HIDE: 'moderation.action.HIDE',
  LOCK: 'moderation.action.LOCK',
  RESTORE: 'moderation.action.RESTORE',
  UNLOCK: 'moderation.action.UNLOCK',
};
const TYPES: Record<Content['__typename'], string> = {
  Post: 'moderation.type.Post',
  Thread: 'moderation.type.Thread',
  Practice: 'moderation.type.Practice',
  PracticeComment: 'moderation.type.PracticeComment',
  CompetenceProfile: 'moderation.type.CompetenceProfile',
  PeerExchange: 'moderation.type.PeerExchange',
};

/** The decisions the API accepts for this kind of content, as it is now. */
function actionsFor(content: Content): Action[] {
  const hidden = 'hidden' in content && content.hidden;
  const base: Action[] = ['DISMISS_FLAGS', hidden ? 'RESTORE' : 'HIDE'];
  switch (content.__typename) {
    case 'Post':
    case 'PracticeComment':
      return content.deleted ? ['DISMISS_FLAGS'] : [...base, 'DELETE'];
    case 'Thread':
      return [...base, content.locked ? 'UNLOCK' : 'LOCK'];
    default:
      return base;
  }
}

function contentHref(content: Content): string | null {
  switch (content.__typename) {
    case 'Post':
      return `/p/${encodeURIComponent(content.id)}`;
    case 'Thread':
      return `/threads/${encodeURIComponent(content.id)}`;
    case 'Practice':
      return `/practices/${content.slug}`;
    case 'PracticeComment':
      return content.practice ? `/practices/${content.practice.slug}` : null;
    case 'CompetenceProfile':
      return `/u/${content.user.handle}`;
    case 'PeerExchange':
      return `/peer-exchanges/${encodeURIComponent(content.id)}`;
  }
}

function excerpt(text: string | null | undefined): string {
  const plain = (text ?? '').replace(/\s+/g, ' ').trim();
  return plain.length > 280 ? `${plain.slice(0, 279)}…` : plain;
}

function ContentSummary({ content }: { content: Content }) {
  const href = contentHref(content);
  let title: string;
  let body: string | null = null;
  let author: { handle: string; displayName: string } | null | undefined = null;
  switch (content.__typename) {
    case 'Post':
      title = content.thread.title;
      body = excerpt(content.bodySource);
      author = content.author;
      break;
    case 'PracticeComment':
      title = content.practice?.title ?? '';
      body = excerpt(content.bodySource);
      author = content.author;
      break;
    case 'Thread':
      title = content.title;
      author = content.author;
      break;
    case 'Practice':
      title = content.title;
      body = excerpt(content.summary);
      break;
    case 'CompetenceProfile':
      title = content.displayName;
      break;
    case 'PeerExchange':
      title = content.title;
      break;
  }
  return (
    <>
      <h2 className="case__title">
        <span className="case__type">
          <FormattedMessage id={TYPES[content.__typename]} />
        </span>{' '}
        {href ? <Link to={href}>{title}</Link> : title}
      </h2>
      {author ? (
        <p className="meta">
          <FormattedMessage id="moderation.case.by" values={{ name: <Link to={`/u/${author.handle}`}>{author.displayName}</Link> }} />
        </p>
      ) : null}
      {body ? <blockquote className="case__body">{body}</blockquote> : null}
    </>
  );
}

function DecisionForm({ content, onDecided }: { content: Content; onDecided: (message: string) => void }) {
  const intl = useIntl();
  const id = useId();
  const actions = actionsFor(content);
  const [action, setAction] = useState<Action>(actions[0] ?? 'DISMISS_FLAGS');
  const [reason, setReason, clearReason] = useDraft(`decision.${content.id}`);
  const [errors, setErrors] = useState<{ action?: UserErrorCode; reason?: UserErrorCode; rest: UserErrorCode[]; failed?: boolean }>({ rest: [] });
  const [{ fetching }, moderate] = useMutation(ModerateMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await moderate({ input: { subjectId: content.id, action, reason: reason.trim() } });
    const payload = result.data?.moderate;
    if (result.error || !payload) {
      setErrors({ rest: [], failed: true });
      return;
    }
    if (payload.userErrors.length > 0) {
      const { byField, rest } = errorsByField(payload.userErrors, ['action', 'reason', 'subjectId']);
      setErrors({ action: byField['action']?.code, reason: byField['reason']?.code, rest: [...rest, ...(byField['subjectId'] ? [byField['subjectId']] : [])].map((e) => e.code) });
      if (byField['reason']) document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    clearReason();
    onDecided(intl.formatMessage({ id: 'moderation.decided' }, { action: intl.formatMessage({ id: ACTIONS[action] }) }));
  }

  return (
    <form className="case__decision" onSubmit={(event) => void submit(event)} aria-label={intl.formatMessage({ id: 'moderation.decision.label' })} noValidate>
      <fieldset aria-describedby={errors.action ? `${id}-action-error` : undefined}>
        <legend>
          <FormattedMessage id="moderation.decision.action" />
        </legend>
        {actions.map((value) => (
          <label key={value} className="choice">
            <input type="radio" name={`${id}-action`} value={value} checked={action === value} onChange={() => setAction(value)} />
            <FormattedMessage id={ACTIONS[value]} />
          </label>
        ))}
        <FieldError id={`${id}-action-error`} code={errors.action} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          <FormattedMessage id="moderation.decision.reason" />
        </label>
        <p className="field__hint" id={`${id}-reason-hint`}>
          <FormattedMessage id="moderation.decision.reasonHint" />
        </p>
        <textarea
          id={`${id}-reason`}
          value={reason}
          maxLength={500}
          rows={2}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={`${id}-reason-hint${errors.reason ? ` ${id}-reason-error` : ''}`}
        />
        <FieldError id={`${id}-reason-error`} code={errors.reason} />
      </div>
      {errors.rest.length > 0 || errors.failed ? (
        <div role="alert" className="field__error">
          {errors.failed ? <FormattedMessage id="moderation.error.network" /> : null}
          {errors.rest.map((code, index) => (
            <p key={index}>
              <FormattedMessage id={USER_ERRORS[code]} />
            </p>
          ))}
        </div>
      ) : null}
      <button type="submit" className="button" disabled={fetching}>
        <FormattedMessage id="moderation.decision.submit" />
      </button>
    </form>
  );
}

function CaseItem({ item, onDecided }: { item: Case; onDecided: (message: string) => void }) {
  const intl = useIntl();
  const content = item.content ? readFragment(FlaggedContentFields, item.content) : null;
  return (
    <li className="card case">
      {content ? (
        <ContentSummary content={content} />
      ) : (
        <h2 className="case__title">
          <FormattedMessage id="moderation.case.gone" />
        </h2>
      )}
      <p className="meta">
        {item.community ? <>{item.community.name} · </> : null}
        <FormattedMessage
          id="moderation.case.lastFlagged"
          values={{ date: <FormattedDate value={item.lastFlaggedAt} year="numeric" month="short" day="numeric" hour="2-digit" minute="2-digit" /> }}
        />
        {item.hidden ? (
          <>
            {' · '}
            <strong>
              <FormattedMessage id="moderation.case.hidden" />
            </strong>
          </>
        ) : null}
      </p>
      <p>
        <FormattedMessage id="moderation.case.counts" values={{ flags: item.flagCount, pending: item.pendingFlagCount, weight: item.pendingFlagWeight }} />
      </p>
      <ul className="case__reasons" aria-label={intl.formatMessage({ id: 'moderation.case.reasons' })}>
        {item.reasons.map(({ reason, count }) => (
          <li key={reason}>
            <FormattedMessage id={REASONS[reason]} />: <FormattedNumber value={count} />
          </li>
        ))}
      </ul>
      {item.latestFlags.length > 0 ? (
        <details>
          <summary>
            <FormattedMessage id="moderation.case.flags" values={{ count: item.latestFlags.length }} />
          </summary>
          <ul className="plain-list">
            {item.latestFlags.map((flag) => (
              <li key={flag.id}>
                <FormattedMessage id={REASONS[flag.reason]} />
                {' · '}
                {flag.flagger ? flag.flagger.displayName : <FormattedMessage id="moderation.case.removedAccount" />}
                {' · '}
                <FormattedDate value={flag.createdAt} year="numeric" month="short" day="numeric" hour="2-digit" minute="2-digit" />
                {flag.note ? <p className="case__note">{flag.note}</p> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {item.status === 'RESOLVED' && item.resolution ? (
        <p className="meta">
          <FormattedMessage id="moderation.case.resolved" values={{ action: <FormattedMessage id={ACTIONS[item.resolution]} /> }} />
        </p>
      ) : null}
      {content ? <DecisionForm content={content} onDecided={onDecided} /> : null}
    </li>
  );
}

function Queue({ status }: { status: Status }) {
  const [after, setAfter] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [result, reexecute] = useQuery({
    query: ModerationQueueQuery,
    variables: { first: 20, after, filter: { status } },
    requestPolicy: 'cache-and-network',
  });
  const connection = result.data?.moderationQueue;
  return (
    <>
      <p role="status" aria-live="polite" className="staff-announcement">
        {announcement}
      </p>
      {result.error && !connection ? <QueryFailure error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {!connection && !result.error ? (
        <p role="status">
          <FormattedMessage id="moderation.loading" />
        </p>
      ) : null}
      {connection ? (
        <>
          <p className="staff-total">
            <FormattedMessage id="moderation.queue.count" values={{ count: connection.pageInfo.hasNextPage ? connection.totalCount : connection.edges.length }} />
          </p>
          {connection.edges.length === 0 ? (
            <p>
              <FormattedMessage id={status === 'PENDING' ? 'moderation.queue.empty' : 'moderation.queue.emptyResolved'} />
            </p>
          ) : (
            <ul className="cases">
              {connection.edges.map(({ node }) => (
                <CaseItem key={node.id} item={node} onDecided={setAnnouncement} />
              ))}
            </ul>
          )}
          {connection.pageInfo.hasNextPage ? (
            <button type="button" className="button button--quiet" onClick={() => setAfter(connection.pageInfo.endCursor ?? null)}>
              <FormattedMessage id="moderation.queue.more" />
            </button>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export function QueuePage() {
  const intl = useIntl();
  const [params] = useSearchParams();
  const status: Status = params.get('status') === 'resolved' ? 'RESOLVED' : 'PENDING';
  return (
    <StaffPage title={intl.formatMessage({ id: 'moderation.queue.title' })} description={intl.formatMessage({ id: 'moderation.queue.description' })} path="/moderation">
      <nav className="staff-tabs" aria-label={intl.formatMessage({ id: 'moderation.queue.statusLabel' })}>
        <Link to="/moderation" aria-current={status === 'PENDING' ? 'page' : undefined}>
          <FormattedMessage id="moderation.queue.pending" />
        </Link>
        <Link to="/moderation?status=resolved" aria-current={status === 'RESOLVED' ? 'page' : undefined}>
          <FormattedMessage id="moderation.queue.resolved" />
        </Link>
      </nav>
      <Queue key={status} status={status} />
    </StaffPage>
  );
}
