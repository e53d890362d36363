import { graphql } from '../../app/graphql';
import { UserErrorFields } from '../../ui/form-errors';

export const ProfileQuery = graphql(`
  query ProfilePage($handle: String!) {
    user(handle: $handle) {
      id
      handle
      displayName
      createdAt
      postCount
    }
    competenceProfile(handle: $handle) {
      id
      viewerCanEdit
      availability
      avatarUrl
      bioHtml
      languages
      organization {
        name
      }
      territories {
        id
        code
        name
      }
      competences {
        level
        evidenceNote
        endorsementCount
        viewerCanEndorse
        viewerHasEndorsed
        skill {
          id
          key
          label
          area {
            id
            key
          }
        }
        endorsements(first: 5) {
          nodes {
            endorser {
              id
              handle
              displayName
            }
          }
        }
        evidence {
          __typename
          ... on Practice {
            id
            slug
            title
          }
          ... on Post {
            id
            thread {
              id
              title
            }
          }
        }
      }
      hosted: exchanges(first: 10, role: HOSTED) {
        nodes {
          id
          title
          startsAt
          status
        }
      }
      attended: exchanges(first: 10, role: ATTENDED) {
        nodes {
          id
          title
          startsAt
          status
        }
      }
    }
  }
`);

export const EndorseCompetenceMutation = graphql(
  `
    mutation EndorseCompetence($input: EndorsementInput!) {
      endorseCompetence(input: $input) {
        competence { endorsementCount viewerHasEndorsed viewerCanEndorse }
        userErrors { ...UserErrorFields }
      }
    }
  `,
  [UserErrorFields],
);

export const WithdrawEndorsementMutation = graphql(
  `
    mutation WithdrawEndorsement($input: EndorsementInput!) {
      withdrawEndorsement(input: $input) {
        competence { endorsementCount viewerHasEndorsed viewerCanEndorse }
        userErrors { ...UserErrorFields }
      }
    }
  `,
  [UserErrorFields],
);
