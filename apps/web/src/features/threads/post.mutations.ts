import { graphql } from '../../app/graphql';
import { UserErrorFields } from '../../ui/form-errors';
import { PostFields } from './thread.queries';

const ThreadCounts = graphql(`
  fragment ThreadCounts on Thread {
    id
    postCount
    participantCount
    lastActivityAt
  }
`);

export const ReplyMutation = graphql(
  `
    mutation ReplyToThread($input: ReplyToThreadInput!) {
      replyToThread(input: $input) {
        post {
          id
          ...ThreadPostFields
          thread {
            id
            ...ThreadCounts
          }
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [PostFields, ThreadCounts, UserErrorFields],
);

export const EditPostMutation = graphql(
  `
    mutation EditPost($input: EditPostInput!) {
      editPost(input: $input) {
        post {
          ...ThreadPostFields
          bodySource
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [PostFields, UserErrorFields],
);

export const DeletePostMutation = graphql(
  `
    mutation DeletePost($input: DeletePostInput!) {
      deletePost(input: $input) {
        post {
          ...ThreadPostFields
          thread {
            ...ThreadCounts
          }
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [PostFields, ThreadCounts, UserErrorFields],
);

export const ReactMutation = graphql(
  `
    mutation React($input: ReactInput!) {
      react(input: $input) {
        post {
          id
          reactions {
            kind
            count
            viewerHasReacted
          }
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export const AcceptAnswerMutation = graphql(
  `
    mutation AcceptAnswer($input: AcceptAnswerInput!) {
      acceptAnswer(input: $input) {
        thread {
          id
          answered
          acceptedAnswer {
            id
            isAcceptedAnswer
          }
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export const FlagContentMutation = graphql(
  `
    mutation FlagContent($input: FlagContentInput!) {
      flagContent(input: $input) {
        flag {
          id
          reason
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

/** What the author edits from: the Markdown as written and the version it is at. */
export const PostSourceQuery = graphql(`
  query PostSource($id: ID!) {
    node(id: $id) {
      __typename
      ... on Post {
        id
        version
        bodySource
      }
    }
  }
`);

export const PostHistoryQuery = graphql(`
  query PostHistory($id: ID!) {
    node(id: $id) {
      __typename
      ... on Post {
        id
        revisions {
          version
          createdAt
          bodySource
          redacted
        }
      }
    }
  }
`);
