import { graphql } from '../../app/graphql';

export const UnreadCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

/** The count as the subscription starts, then after each change: a reconnected socket is up to date at once. */
export const UnreadCountSubscription = graphql(`
  subscription UnreadNotificationCountChanged {
    unreadNotificationCount
  }
`);

export const NotificationFields = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    read
    createdAt
    reason
    actor { id handle displayName }
    subject {
      __typename
      id
      ... on Thread { title }
      ... on Post { thread { id title } }
      ... on Practice { slug title }
      ... on PracticeComment { practice { id slug title } }
      ... on PeerExchange { title }
      ... on ExchangeRegistration { peerExchange { id title } }
      ... on PeerReviewInvitation { peerExchange { id title } }
      ... on User { handle displayName }
      ... on CompetenceProfile { user { id handle displayName } }
      ... on Community { slug name }
    }
  }
`);

export const NotificationsQuery = graphql(
  `
    query Notifications($first: Int!) {
      unreadNotificationCount
      notifications(first: $first) {
        totalCount
        nodes { ...NotificationFields }
      }
    }
  `,
  [NotificationFields],
);

export const NotificationAddedSubscription = graphql(
  `
    subscription NotificationAdded {
      notificationAdded { ...NotificationFields }
    }
  `,
  [NotificationFields],
);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      unreadCount
      userErrors { code field message }
    }
  }
`);
