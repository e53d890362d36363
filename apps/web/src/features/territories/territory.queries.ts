import { graphql } from '../../app/graphql';

export const TerritoryQuery = graphql(`
  query TerritoryPage($code: String!) {
    territory(code: $code) {
      id
      code
      name
      level
      ancestors {
        id
        code
        name
      }
      children {
        id
        code
        name
      }
    }
  }
`);

export const TerritoryContentQuery = graphql(`
  query TerritoryContent($territory: ID!) {
    practices(first: 20, filter: { territory: $territory }) {
      totalCount
      nodes {
        id
        slug
        kind
        title
        summary
      }
    }
    peerExchanges(first: 10, filter: { territoryId: $territory }, orderBy: STARTS_AT) {
      nodes {
        id
        title
        startsAt
        status
      }
    }
  }
`);
