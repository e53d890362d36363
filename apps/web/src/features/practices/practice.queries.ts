import { graphql } from '../../app/graphql';

export const PracticeQuery = graphql(`
  query PracticePage($slug: String!) {
    practice(slug: $slug) {
      id
      slug
      kind
      title
      summary
      language
      status
      publishedAt
      startsOn
      endsOn
      tags
      territories {
        id
        code
        name
      }
      project {
        id
        slug
        title
      }
      authors {
        id
        handle
        displayName
      }
      organizations {
        name
        kind
        role
      }
      need {
        html
      }
      approach {
        html
      }
      resources {
        html
      }
      results {
        html
      }
      difficulties {
        html
      }
      transferability {
        html
      }
      media {
        id
        kind
        url
        altText
        caption
        credit
        transcript
      }
      comments(first: 50) {
        totalCount
        nodes {
          id
          deleted
          bodyHtml
          language
          createdAt
          author {
            id
            handle
            displayName
          }
        }
      }
      adoptionCount
      adoptions(first: 50) {
        totalCount
        nodes {
          id
          adoptedOn
          outcome
          notes
          organizationName
          territory {
            id
            code
            name
          }
          project {
            id
            slug
            title
          }
        }
      }
    }
  }
`);
