import { graphql } from '../../app/graphql';

export const ExchangeQuery = graphql(`
  query PeerExchangePage($id: ID!) {
    node(id: $id) {
      __typename
      ... on PeerExchange {
        id
        title
        language
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

/** What moves while the page is open: status, seats, the waitlist and what the viewer may do now. */
export const ExchangeLiveFields = graphql(`
  fragment ExchangeLiveFields on PeerExchange @_unmask {
    id
    status
    title
    startsAt
    endsAt
    registrationDeadline
    capacity
    registeredCount
    seatsLeft
    waitlistedCount
    cancelReason
    version
    feedbackClosesAt
    venue
    onlineUrl
    viewerCanManage
    viewerCanRegister
    viewerCanGiveFeedback
    viewerRegistration {
      id
      status
      position
      note
    }
  }
`);

/** The signed-in viewer's side of the page, read in the browser once the session is known. */
/** What came of an exchange that took place, as its page shows and edits it. */
export const ExchangeOutcomesFields = graphql(`
  fragment ExchangeOutcomesFields on PeerExchange @_unmask {
    outcomes {
      version
      summary {
        html
        markdown
      }
      learnings {
        html
        markdown
      }
      followUpActions {
        description
        dueOn
        owner {
          id
          displayName
        }
      }
      adoptedPractices {
        id
        slug
        title
      }
    }
  }
`);

export const ExchangeViewerQuery = graphql(
  `
    query PeerExchangeViewer($id: ID!) {
      node(id: $id) {
        __typename
        ... on PeerExchange {
          ...ExchangeLiveFields
          viewerFeedback {
            rating
            comment
            updatedAt
          }
          feedbackSummary {
            count
            average
          }
          ...ExchangeOutcomesFields
        }
      }
    }
  `,
  [ExchangeLiveFields, ExchangeOutcomesFields],
);

/** Everyone's registrations, in arrival order, for those who run the exchange. */
export const ExchangeRegistrationsQuery = graphql(`
  query PeerExchangeRegistrations($id: ID!) {
    node(id: $id) {
      __typename
      ... on PeerExchange {
        id
        registrations(first: 100) {
          totalCount
          nodes {
            id
            status
            position
            note
            createdAt
            user {
              id
              handle
              displayName
            }
          }
        }
      }
    }
  }
`);

export const ExchangeUpdatedSubscription = graphql(
  `
    subscription PeerExchangeUpdated($id: ID!) {
      peerExchangeUpdated(id: $id) {
        change
        peerExchange {
          ...ExchangeLiveFields
        }
      }
    }
  `,
  [ExchangeLiveFields],
);
