import type { FeatureCache } from '../../app/client';
import { graphql } from '../../app/graphql';
import { UnreadCountQuery } from './notifications.queries';

const ReadFlag = graphql(`
  fragment NotificationRead on Notification {
    id
    read
  }
`);

export const cache: FeatureCache = {
  updates: {
    Subscription: {
      // The server's count, as the socket (re)connects and after each change.
      unreadNotificationCount: (result, _args, cache) => {
        const count = result['unreadNotificationCount'];
        if (typeof count === 'number') cache.updateQuery({ query: UnreadCountQuery }, () => ({ unreadNotificationCount: count }));
      },
      // A new notification: the list is fetched again when next shown (the count comes with its own subscription).
      notificationAdded: (_result, _args, cache) => {
        for (const field of cache.inspectFields('Query')) {
          if (field.fieldName === 'notifications') cache.invalidate('Query', field.fieldName, field.arguments ?? {});
        }
      },
    },
    Mutation: {
      markNotificationsRead: (result, args, cache) => {
        const payload = result['markNotificationsRead'] as { unreadCount: number; userErrors: unknown[] } | null;
        if (!payload || payload.userErrors.length > 0) return;
        cache.updateQuery({ query: UnreadCountQuery }, () => ({ unreadNotificationCount: payload.unreadCount }));
        const input = (args as { input: { all?: boolean; ids?: string[] | null } }).input;
        let ids = input.ids ?? [];
        if (input.all) {
          ids = cache
            .inspectFields('Query')
            .filter((field) => field.fieldName === 'notifications')
            .flatMap((field) => {
              const connection = cache.resolve('Query', field.fieldKey) as string | null;
              return connection ? ((cache.resolve(connection, 'nodes') as (string | null)[] | null) ?? []) : [];
            })
            .filter((id): id is string => typeof id === 'string');
        }
        for (const id of ids) cache.writeFragment(ReadFlag, { id, read: true });
      },
    },
  },
};
