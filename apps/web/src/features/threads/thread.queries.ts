import { graphql } from '../../app/graphql';

export const PostFields = graphql(`
  fragment ThreadPostFields on Post {
    id
    createdAt
    editedAt
    deleted
    hidden
    isAcceptedAnswer
    bodyHtml
    language
    version
    viewerCanEdit
    viewerCanDelete
    viewerCanFlag
    viewerCanModerate
    author {
      id
      handle
      displayName
    }
    replyTo {
      id
      author {
        id
        displayName
      }
    }
    reactions {
      kind
      count
      viewerHasReacted
    }
  }
`);

export const ThreadQuery = graphql(
  `
    query ThreadPage($id: ID!) {
      node(id: $id) {
        __typename
        ... on Thread {
          id
          title
          language
          kind
          answered
          locked
          pinned
          tags
          createdAt
          lastActivityAt
          postCount
          participantCount
          version
          viewerCanReply
          viewerCanAcceptAnswer
          viewerCanEdit
          viewerCanModerate
          territories {
            id
            code
            name
          }
          community {
            id
            slug
            name
          }
          author {
            id
            handle
            displayName
          }
          acceptedAnswer {
            id
          }
          openingPost {
            id
            bodySource
          }
          posts(first: 60) {
            totalCount
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              ...ThreadPostFields
            }
          }
        }
      }
    }
  `,
  [PostFields],
);

export const PostAddedSubscription = graphql(
  `
    subscription ThreadPostAdded($threadId: ID!) {
      postAdded(threadId: $threadId) {
        ...ThreadPostFields
        thread {
          id
          postCount
          participantCount
          lastActivityAt
        }
      }
    }
  `,
  [PostFields],
);

export const PostThreadQuery = graphql(`
  query PostThread($id: ID!) {
    node(id: $id) {
      __typename
      ... on Post {
        id
        thread {
          id
        }
      }
    }
  }
`);
