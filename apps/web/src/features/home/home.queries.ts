import { graphql } from '../../app/graphql';

export const PracticeCardFields = graphql(`
  fragment PracticeCardFields on Practice {
    id
    slug
    kind
    title
    summary
    language
    publishedAt
    adoptionCount
    territories {
      id
      name
    }
  }
`);

export const HomeQuery = graphql(
  `
    query HomePage($from: DateTime!) {
      practices(first: 6, filter: { kind: PRACTICE }) {
        nodes {
          ...PracticeCardFields
        }
      }
      stories: practices(first: 3, filter: { kind: STORY }) {
        nodes {
          ...PracticeCardFields
        }
      }
      questions: threads(first: 5, filter: { kind: QUESTION }, orderBy: LATEST_ACTIVITY) {
        nodes {
          id
          title
          language
          answered
          postCount
          lastActivityAt
          community {
            id
            slug
            name
          }
        }
      }
      peerExchanges(first: 4, filter: { from: $from, statuses: [OPEN, CLOSED] }) {
        nodes {
          id
          title
          language
          format
          startsAt
          seatsLeft
          status
          hostTerritory {
            id
            name
          }
        }
      }
      territories(first: 30, filter: { level: REGION }) {
        nodes {
          id
          code
          name
          children {
            id
            code
            name
          }
        }
      }
    }
  `,
  [PracticeCardFields],
);
