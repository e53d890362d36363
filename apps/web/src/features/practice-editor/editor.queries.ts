import { graphql } from '../../app/graphql';
import { UserErrorFields } from '../../ui/form-errors';

/** What the editor reads and writes of a practice: every field it edits, its version and what the viewer may do. */
export const EditablePracticeFields = graphql(`
  fragment EditablePracticeFields on Practice @_unmask {
    id
    slug
    kind
    status
    title
    summary
    version
    tags
    reviewComment
    updatedAt
    community {
      id
      slug
      name
    }
    territories {
      id
      code
      name
    }
    need {
      markdown
    }
    approach {
      markdown
    }
    resources {
      markdown
    }
    results {
      markdown
    }
    difficulties {
      markdown
    }
    transferability {
      markdown
    }
    viewerCanEdit
    viewerCanSubmit
  }
`);

export const EditPracticeQuery = graphql(
  `
    query EditPractice($slug: String!) {
      practice(slug: $slug) {
        ...EditablePracticeFields
      }
    }
  `,
  [EditablePracticeFields],
);

export const JoinedCommunitiesQuery = graphql(`
  query JoinedCommunities {
    communities(filter: { joined: true }, first: 100) {
      nodes {
        id
        slug
        name
      }
    }
  }
`);

export const CreatePracticeMutation = graphql(
  `
    mutation CreatePractice($input: CreatePracticeInput!) {
      createPractice(input: $input) {
        practice {
          ...EditablePracticeFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [EditablePracticeFields, UserErrorFields],
);

export const UpdatePracticeMutation = graphql(
  `
    mutation UpdatePractice($input: UpdatePracticeInput!) {
      updatePractice(input: $input) {
        practice {
          id
          version
          updatedAt
          tags
          territories {
            id
            code
            name
          }
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export const SubmitPracticeMutation = graphql(
  `
    mutation SubmitPractice($input: PracticeDecisionInput!) {
      submitPracticeForReview(input: $input) {
        practice {
          ...EditablePracticeFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [EditablePracticeFields, UserErrorFields],
);

/** A practice as its authors see it in their list. */
export const AuthoredPracticeFields = graphql(`
  fragment AuthoredPracticeFields on Practice @_unmask {
    id
    slug
    kind
    status
    title
    updatedAt
    reviewComment
    community {
      id
      name
    }
    authors {
      id
      displayName
    }
    viewerCanPublish
    viewerCanReturn
  }
`);

export const PracticesInStatusQuery = graphql(
  `
    query PracticesInStatus($status: PracticeStatus!) {
      practices(filter: { status: $status }, first: 100) {
        nodes {
          ...AuthoredPracticeFields
        }
      }
    }
  `,
  [AuthoredPracticeFields],
);

export const ReviewPracticeQuery = graphql(`
  query ReviewPractice($slug: String!) {
    practice(slug: $slug) {
      id
      slug
      kind
      status
      title
      summary
      reviewComment
      updatedAt
      tags
      community {
        id
        name
      }
      authors {
        id
        handle
        displayName
      }
      territories {
        id
        code
        name
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
      viewerCanPublish
      viewerCanReturn
      viewerCanArchive
    }
  }
`);

const DecisionFields = graphql(`
  fragment DecisionFields on Practice @_unmask {
    id
    status
    reviewComment
    publishedAt
    viewerCanEdit
    viewerCanSubmit
    viewerCanPublish
    viewerCanReturn
    viewerCanArchive
  }
`);

export const PublishPracticeMutation = graphql(
  `
    mutation PublishPractice($input: PracticeDecisionInput!) {
      publishPractice(input: $input) {
        practice {
          ...DecisionFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [DecisionFields, UserErrorFields],
);

export const ReturnPracticeMutation = graphql(
  `
    mutation ReturnPractice($input: ReturnPracticeInput!) {
      returnPractice(input: $input) {
        practice {
          ...DecisionFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [DecisionFields, UserErrorFields],
);

export const ArchivePracticeMutation = graphql(
  `
    mutation ArchivePractice($input: PracticeDecisionInput!) {
      archivePractice(input: $input) {
        practice {
          ...DecisionFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [DecisionFields, UserErrorFields],
);
