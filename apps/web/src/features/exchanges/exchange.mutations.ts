import { graphql } from '../../app/graphql';
import { UserErrorFields } from '../../ui/form-errors';
import { ExchangeLiveFields, ExchangeOutcomesFields } from './exchange.queries';

/** What the planning form needs to offer: communities and projects the viewer reads (territories are searched by name). */
export const PlanOptionsQuery = graphql(`
  query PeerExchangePlanOptions {
    communities(first: 100) {
      nodes {
        id
        name
        viewerRole
        viewerCanModerate
      }
    }
    projects(first: 100) {
      nodes {
        id
        title
      }
    }
  }
`);

/** The exchange as its planning form edits it. */
export const ExchangeEditQuery = graphql(`
  query PeerExchangeEdit($id: ID!) {
    node(id: $id) {
      __typename
      ... on PeerExchange {
        id
        version
        title
        format
        status
        startsAt
        endsAt
        registrationDeadline
        capacity
        venue
        onlineUrl
        reviewQuestion
        viewerCanManage
        description {
          markdown
        }
        hostCommunity {
          id
        }
        hostTerritory {
          id
        }
        hostProject {
          id
        }
      }
    }
  }
`);

export const CreateExchangeMutation = graphql(
  `
    mutation CreatePeerExchange($input: CreatePeerExchangeInput!) {
      result: createPeerExchange(input: $input) {
        peerExchange {
          ...ExchangeLiveFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ExchangeLiveFields, UserErrorFields],
);

export const UpdateExchangeMutation = graphql(
  `
    mutation UpdatePeerExchange($input: UpdatePeerExchangeInput!) {
      result: updatePeerExchange(input: $input) {
        peerExchange {
          ...ExchangeLiveFields
          format
          description {
            html
            markdown
          }
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ExchangeLiveFields, UserErrorFields],
);

export const OpenRegistrationsMutation = graphql(
  `
    mutation OpenRegistrations($input: PeerExchangeInput!) {
      result: openRegistrations(input: $input) {
        peerExchange {
          ...ExchangeLiveFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ExchangeLiveFields, UserErrorFields],
);

export const CloseRegistrationsMutation = graphql(
  `
    mutation CloseRegistrations($input: PeerExchangeInput!) {
      result: closeRegistrations(input: $input) {
        peerExchange {
          ...ExchangeLiveFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ExchangeLiveFields, UserErrorFields],
);

export const CompleteExchangeMutation = graphql(
  `
    mutation CompleteExchange($input: PeerExchangeInput!) {
      result: completePeerExchange(input: $input) {
        peerExchange {
          ...ExchangeLiveFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ExchangeLiveFields, UserErrorFields],
);

export const CloseFeedbackMutation = graphql(
  `
    mutation CloseFeedback($input: PeerExchangeInput!) {
      result: closeFeedback(input: $input) {
        peerExchange {
          ...ExchangeLiveFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ExchangeLiveFields, UserErrorFields],
);

export const SetCapacityMutation = graphql(
  `
    mutation SetCapacity($input: SetExchangeCapacityInput!) {
      result: setExchangeCapacity(input: $input) {
        peerExchange {
          ...ExchangeLiveFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ExchangeLiveFields, UserErrorFields],
);

export const CancelExchangeMutation = graphql(
  `
    mutation CancelExchange($input: CancelPeerExchangeInput!) {
      result: cancelPeerExchange(input: $input) {
        peerExchange {
          ...ExchangeLiveFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ExchangeLiveFields, UserErrorFields],
);

export const RegisterForExchangeMutation = graphql(
  `
    mutation RegisterForExchange($input: RegisterForExchangeInput!) {
      result: registerForExchange(input: $input) {
        peerExchange {
          ...ExchangeLiveFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ExchangeLiveFields, UserErrorFields],
);

export const CancelRegistrationMutation = graphql(
  `
    mutation CancelRegistration($input: CancelRegistrationInput!) {
      result: cancelRegistration(input: $input) {
        peerExchange {
          ...ExchangeLiveFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ExchangeLiveFields, UserErrorFields],
);

export const RecordAttendanceMutation = graphql(
  `
    mutation RecordAttendance($input: RecordAttendanceInput!) {
      result: recordAttendance(input: $input) {
        peerExchange {
          ...ExchangeLiveFields
        }
        registrations {
          id
          status
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ExchangeLiveFields, UserErrorFields],
);

export const RecordOutcomesMutation = graphql(
  `
    mutation RecordOutcomes($input: RecordOutcomesInput!) {
      result: recordOutcomes(input: $input) {
        peerExchange {
          ...ExchangeLiveFields
          ...ExchangeOutcomesFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ExchangeLiveFields, ExchangeOutcomesFields, UserErrorFields],
);

export const GiveFeedbackMutation = graphql(
  `
    mutation GiveFeedback($input: GiveFeedbackInput!) {
      result: giveFeedback(input: $input) {
        feedback {
          rating
          comment
          updatedAt
        }
        peerExchange {
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
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [ExchangeLiveFields, UserErrorFields],
);
