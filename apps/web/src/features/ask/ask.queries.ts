import { graphql } from '../../app/graphql';

export const AskCommunityQuery = graphql(`
  query AskCommunity($slug: String!) {
    community(slug: $slug) {
      id
      slug
      name
      visibility
    }
  }
`);

export const SimilarQuery = graphql(`
  query SimilarThreads($title: String!, $body: String) {
    similar(title: $title, body: $body, first: 5) {
      __typename
      ... on Thread { id title community { id name } }
      ... on Post { id thread { id title } }
      ... on Practice { id slug title }
      ... on PeerExchange { id title }
      ... on CompetenceProfile { id user { id handle displayName } }
    }
  }
`);

export const StartQuestionMutation = graphql(`
  mutation StartQuestion($input: StartThreadInput!) {
    startThread(input: $input) {
      thread { id title }
      userErrors { code field message }
    }
  }
`);
