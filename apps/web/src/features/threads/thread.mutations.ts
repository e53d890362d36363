import { graphql } from '../../app/graphql';
import { UserErrorFields } from '../../ui/form-errors';

const ThreadStateFields = graphql(`
  fragment ThreadStateFields on Thread {
    id
    title
    tags
    pinned
    locked
    version
    viewerCanReply
    viewerCanEdit
    viewerCanModerate
    viewerCanAcceptAnswer
    community {
      id
      slug
      name
    }
  }
`);

export const PinThreadMutation = graphql(
  `
    mutation PinThread($input: ThreadFlagInput!) {
      pinThread(input: $input) {
        thread {
          ...ThreadStateFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ThreadStateFields, UserErrorFields],
);

export const LockThreadMutation = graphql(
  `
    mutation LockThread($input: ThreadFlagInput!) {
      lockThread(input: $input) {
        thread {
          ...ThreadStateFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ThreadStateFields, UserErrorFields],
);

export const EditThreadMutation = graphql(
  `
    mutation EditThread($input: EditThreadInput!) {
      editThread(input: $input) {
        thread {
          ...ThreadStateFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ThreadStateFields, UserErrorFields],
);

export const MoveThreadMutation = graphql(
  `
    mutation MoveThread($input: MoveThreadInput!) {
      moveThread(input: $input) {
        thread {
          ...ThreadStateFields
          community {
            id
            name
          }
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ThreadStateFields, UserErrorFields],
);

/** Communities the viewer runs: where a thread may be moved. */
export const ModeratedCommunitiesQuery = graphql(`
  query ModeratedCommunities {
    communities(first: 100) {
      nodes {
        id
        name
        viewerCanModerate
      }
    }
  }
`);
