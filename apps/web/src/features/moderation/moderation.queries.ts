import { graphql } from '../../app/graphql';

export const FlaggedContentFields = graphql(`
  fragment FlaggedContentFields on FlaggedContent {
    __typename
    ... on Post {
      id
      bodySource
      hidden
      deleted
      author { id handle displayName }
      thread { id title }
    }
    ... on Thread {
      id
      title
      hidden
      locked
      author { id handle displayName }
    }
    ... on Practice {
      id
      title
      slug
      summary
      hidden
    }
    ... on PracticeComment {
      id
      bodySource
      hidden
      deleted
      author { id handle displayName }
      practice { id slug title }
    }
    ... on CompetenceProfile {
      id
      displayName
      hidden
      user { id handle }
    }
    ... on PeerExchange {
      id
      title
    }
  }
`);

export const ModerationQueueQuery = graphql(
  `
    query ModerationQueue($first: Int!, $after: String, $filter: ModerationQueueFilter) {
      moderationQueue(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            id
            status
            hidden
            flagCount
            pendingFlagCount
            pendingFlagWeight
            lastFlaggedAt
            resolution
            resolvedAt
            community { id name slug }
            reasons { reason count }
            latestFlags {
              id
              reason
              note
              weight
              createdAt
              flagger { id handle displayName }
            }
            content { ...FlaggedContentFields }
          }
        }
      }
    }
  `,
  [FlaggedContentFields],
);

export const ModerateMutation = graphql(
  `
    mutation Moderate($input: ModerateInput!) {
      moderate(input: $input) {
        content { ...FlaggedContentFields }
        userErrors { code field message }
      }
    }
  `,
  [FlaggedContentFields],
);

export const AuditLogQuery = graphql(`
  query AuditLog($first: Int, $after: String, $last: Int, $before: String, $filter: AuditLogFilterInput) {
    auditLog(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        node {
          id
          action
          createdAt
          reason
          subjectId
          subjectType
          actor { id handle displayName }
          subject {
            __typename
            id
            ... on User { handle displayName }
            ... on Thread { title }
            ... on Practice { title slug }
            ... on Post { thread { id title } }
          }
        }
      }
    }
  }
`);

export const UserByHandleQuery = graphql(`
  query UserByHandle($handle: String!) {
    user(handle: $handle) {
      id
      handle
      displayName
      role
      viewerCanSuspend
      suspension { since until }
    }
  }
`);

/** Recent suspensions, read from the audit log: the API lists no suspensions of its own. */
export const RecentSuspensionsQuery = graphql(`
  query RecentSuspensions {
    auditLog(first: 100) {
      edges {
        node {
          id
          action
          createdAt
          reason
          subject {
            __typename
            id
            ... on User {
              handle
              displayName
              role
              viewerCanSuspend
              suspension { since until }
            }
          }
        }
      }
    }
  }
`);

export const SuspendUserMutation = graphql(`
  mutation SuspendUser($input: SuspendUserInput!) {
    suspendUser(input: $input) {
      user { id handle displayName role viewerCanSuspend suspension { since until } }
      userErrors { code field message }
    }
  }
`);

export const UnsuspendUserMutation = graphql(`
  mutation UnsuspendUser($input: UnsuspendUserInput!) {
    unsuspendUser(input: $input) {
      user { id handle displayName role viewerCanSuspend suspension { since until } }
      userErrors { code field message }
    }
  }
`);

export const ViewerRoleQuery = graphql(`
  query ViewerRole {
    viewer {
      id
      role
    }
  }
`);
