import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link, Navigate, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { readFragment } from '../../app/graphql';
import { PageMeta } from '../../app/head';
import { useSessionState } from '../session/session-context';
import { KIND_MESSAGES } from './kinds';
import { MarkNotificationsReadMutation, NotificationFields, NotificationsQuery } from './notifications.queries';
import { subjectOf, type NotificationData } from './subject';
import './notifications.css';

export function NotificationsPage() {
  const intl = useIntl();
  const state = useSessionState();
  const location = useLocation();
  const meta = (
    <PageMeta
      title={`${intl.formatMessage({ id: 'notifications.title' })} · Bottega`}
      description={intl.formatMessage({ id: 'notifications.description' })}
      path="/notifications"
    />
  );
  if (state.status === 'anonymous') return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  return (
    <section className="page">
      {meta}
      <h1>
        <FormattedMessage id="notifications.title" />
      </h1>
      {state.status === 'signedIn' ? <NotificationList /> : <p role="status"><FormattedMessage id="notifications.loading" /></p>}
    </section>
  );
}

function NotificationList() {
  const [{ data, fetching, error }] = useQuery({ query: NotificationsQuery, variables: { first: 50 }, requestPolicy: 'cache-and-network' });
  const intl = useIntl();
  const [marking, mark] = useMutation(MarkNotificationsReadMutation);
  const [announcement, setAnnouncement] = useState('');
  // Marking removes the button pressed: focus goes to what it changed, and the change is announced.
  const markOne = async (id: string, title: string | undefined) => {
    const result = await mark({ input: { ids: [id] } });
    if (!result.data?.markNotificationsRead) return;
    setAnnouncement(intl.formatMessage({ id: 'notifications.markedOne' }, { title: title ?? '' }));
    document.getElementById(`notification-${id}`)?.focus();
  };
  const markAll = async () => {
    const result = await mark({ input: { all: true } });
    if (!result.data?.markNotificationsRead) return;
    setAnnouncement(intl.formatMessage({ id: 'notifications.markedAll' }));
    document.getElementById('notifications-unread')?.focus();
  };
  if (!data) {
    return (
      <p role={error ? 'alert' : 'status'}>
        <FormattedMessage id={error && !fetching ? 'notifications.error' : 'notifications.loading'} />
      </p>
    );
  }
  const nodes = data.notifications.nodes;
  return (
    <>
      <div className="toolbar">
        <p id="notifications-unread" tabIndex={-1}>
          <FormattedMessage id="notifications.unread" values={{ count: data.unreadNotificationCount }} />
        </p>
        {data.unreadNotificationCount > 0 ? (
          <button type="button" className="link-button" disabled={marking.fetching} onClick={() => void markAll()}>
            <FormattedMessage id="notifications.markAll" />
          </button>
        ) : null}
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {marking.error ? (
        <p role="alert" className="form__alert">
          <FormattedMessage id="notifications.error" />
        </p>
      ) : null}
      {nodes.length === 0 ? (
        <p>
          <FormattedMessage id="notifications.none" />
        </p>
      ) : (
        <ol className="notification-list">
          {nodes.map((node) => (
            <NotificationItem key={readFragment(NotificationFields, node).id} data={node} onRead={(id, title) => void markOne(id, title)} onOpen={(id) => void mark({ input: { ids: [id] } })} />
          ))}
        </ol>
      )}
    </>
  );
}

function NotificationItem(props: { data: NotificationData; onRead: (id: string, title?: string) => void; onOpen: (id: string) => void }) {
  const notification = readFragment(NotificationFields, props.data);
  const subject = subjectOf(props.data);
  const intl = useIntl();
  const what = (
    <FormattedMessage
      id={KIND_MESSAGES[notification.kind]}
      values={{ actor: notification.actor?.displayName ?? intl.formatMessage({ id: 'notifications.someone' }) }}
    />
  );
  return (
    <li id={`notification-${notification.id}`} tabIndex={-1} className={notification.read ? 'notification' : 'notification notification--unread'}>
      <p className="meta">
        {notification.read ? null : (
          <>
            <FormattedMessage id="notifications.new" />
            {' · '}
          </>
        )}
        <FormattedDate value={notification.createdAt} year="numeric" month="long" day="numeric" hour="2-digit" minute="2-digit" />
      </p>
      <p>{what}</p>
      {subject ? (
        <p>
          <Link
            to={subject.href}
            onClick={() => {
              if (!notification.read) props.onOpen(notification.id);
            }}
          >
            {subject.title}
          </Link>
        </p>
      ) : (
        <p className="meta">
          <FormattedMessage id="notifications.subjectGone" />
        </p>
      )}
      {notification.reason ? <p className="meta">{notification.reason}</p> : null}
      {notification.read ? null : (
        <div className="notification__actions">
          <button type="button" className="link-button" onClick={() => props.onRead(notification.id, subject?.title)}>
            <FormattedMessage id="notifications.markOne" />
            <span className="visually-hidden">: {subject?.title}</span>
          </button>
        </div>
      )}
    </li>
  );
}
