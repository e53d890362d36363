import { graphql } from '../../app/graphql';

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
