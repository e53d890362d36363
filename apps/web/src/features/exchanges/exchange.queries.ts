import { graphql } from '../../app/graphql';

export const ExchangeQuery = graphql(`
  query PeerExchangePage($id: ID!) {
    node(id: $id) {
      __typename
      ... on PeerExchange {
        id
        title
        format
        status
        startsAt
        endsAt
        timeZone
        registrationDeadline
        capacity
        registeredCount
        seatsLeft
        waitlistedCount
        cancelReason
        reviewQuestion
        description {
          html
          markdown
        }
        hostTerritory {
          id
          code
          name
        }
        hostCommunity {
          id
          slug
          name
        }
        hostProject {
          id
          slug
          title
        }
        hosts {
          id
          handle
          displayName
        }
        agenda {
          startsAt
          title
          note
        }
        practicesToStudy {
          id
          slug
          title
        }
        targetSkills {
          id
          label
        }
        thread {
          id
          title
        }
        outcomes {
          summary {
            html
          }
          learnings {
            html
          }
          adoptedPractices {
            id
            slug
            title
          }
        }
        feedbackSummary {
          count
          average
        }
      }
    }
  }
`);
