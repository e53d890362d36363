import { graphql } from '../../app/graphql';

export const CommunityQuery = graphql(`
  query CommunityPage($slug: String!) {
    community(slug: $slug) {
      id
      slug
      name
      description
      kind
      visibility
      memberCount
      territory {
        id
        code
        name
      }
      members(first: 20) {
        nodes {
          role
          user {
            id
            handle
            displayName
          }
        }
      }
    }
  }
`);

export const CommunityThreadsQuery = graphql(`
  query CommunityThreads($community: ID!, $after: String) {
    threads(first: 20, after: $after, filter: { community: $community }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        kind
        answered
        pinned
        locked
        postCount
        lastActivityAt
        tags
        author {
          id
          handle
          displayName
        }
      }
    }
  }
`);
