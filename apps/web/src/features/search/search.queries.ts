import { graphql } from '../../app/graphql';

export const SearchQuery = graphql(`
  query SearchPage($query: String!, $filter: SearchFilterInput, $after: String) {
    search(query: $query, filter: $filter, first: 10, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      facets {
        types {
          type
          count
        }
        territories {
          count
          territory {
            id
            code
            name
          }
        }
        tags {
          value
          count
        }
      }
      edges {
        cursor
        highlight {
          title
          snippet
        }
        node {
          __typename
          ... on Practice {
            id
            slug
            kind
            language
          }
          ... on Thread {
            id
            language
            community {
              id
              slug
              name
            }
          }
          ... on Post {
            id
            language
            thread {
              id
              community {
                id
                slug
                name
              }
            }
          }
          ... on CompetenceProfile {
            id
            user {
              id
              handle
            }
          }
          ... on PeerExchange {
            id
            language
            startsAt
          }
        }
      }
    }
  }
`);

export const TerritoryIdQuery = graphql(`
  query SearchTerritory($code: String!) {
    territory(code: $code) {
      id
      code
      name
    }
  }
`);
