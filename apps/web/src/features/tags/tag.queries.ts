import { graphql } from '../../app/graphql';

export const TagQuery = graphql(`
  query TagPage($tag: String!) {
    threads(first: 20, filter: { tag: $tag }) {
      totalCount
      nodes {
        id
        title
        kind
        lastActivityAt
        postCount
        community { id slug name }
      }
    }
    practices(first: 20, filter: { tag: $tag }) {
      totalCount
      nodes {
        id
        slug
        kind
        title
        summary
      }
    }
  }
`);
