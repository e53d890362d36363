import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { NavLink } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { readFragment } from '../../app/graphql';
import { KIND_MESSAGES } from './kinds';
import { NotificationAddedSubscription, NotificationFields, UnreadCountQuery, UnreadCountSubscription } from './notifications.queries';
import { subjectOf } from './subject';
import './notifications.css';

/** The unread count in the header, kept live over graphql-ws, announcing each new notification politely. */
export function NotificationsBadge() {
  const intl = useIntl();
  const [{ data }] = useQuery({ query: UnreadCountQuery, requestPolicy: 'cache-and-network' });
  const [{ data: added }] = useSubscription({ query: NotificationAddedSubscription });
  // Its values reach the count through the cache (cache.ts), also after the socket was down.
  useSubscription({ query: UnreadCountSubscription });
  const [announcement, setAnnouncement] = useState('');

  const latest = added?.notificationAdded;
  useEffect(() => {
    if (!latest) return;
    const notification = readFragment(NotificationFields, latest);
    const subject = subjectOf(latest);
    setAnnouncement(
      intl.formatMessage(
        { id: 'notifications.announce' },
        {
          what: intl.formatMessage({ id: KIND_MESSAGES[notification.kind] }, { actor: notification.actor?.displayName ?? intl.formatMessage({ id: 'notifications.someone' }) }),
          subject: subject?.title ?? '',
        },
      ),
    );
  }, [latest, intl]);

  const count = data?.unreadNotificationCount ?? 0;
  return (
    <>
      <NavLink
        to="/notifications"
        className="notifications-badge"
        aria-label={intl.formatMessage({ id: 'notifications.badge.label' }, { count })}
      >
        <FormattedMessage id="notifications.badge.text" />
        {count > 0 ? (
          <span className="notifications-badge__count" aria-hidden="true" data-testid="unread-count">
            {count}
          </span>
        ) : null}
      </NavLink>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </>
  );
}
