import { graphql } from '../../app/graphql';
import { UserErrorFields } from '../../ui/form-errors';

/** What the signed-in reader may do with the practice, asked with their session (the page itself is rendered anonymously). */
export const PracticeViewerQuery = graphql(`
  query PracticeViewer($slug: String!) {
    practice(slug: $slug) {
      id
      slug
      status
      bookmarkCount
      viewerHasBookmarked
      viewerCanComment
      viewerCanRecordAdoption
      viewerCanEdit
      viewerCanPublish
      viewerCanReturn
      viewerCanArchive
    }
  }
`);

export const BookmarkPracticeMutation = graphql(
  `
    mutation BookmarkPractice($input: BookmarkPracticeInput!) {
      bookmarkPractice(input: $input) {
        practice {
          id
          bookmarkCount
          viewerHasBookmarked
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export const UnbookmarkPracticeMutation = graphql(
  `
    mutation UnbookmarkPractice($input: BookmarkPracticeInput!) {
      unbookmarkPractice(input: $input) {
        practice {
          id
          bookmarkCount
          viewerHasBookmarked
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export const AddPracticeCommentMutation = graphql(
  `
    mutation AddPracticeComment($input: AddPracticeCommentInput!) {
      addPracticeComment(input: $input) {
        comment {
          id
          practice {
            id
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

export const RecordAdoptionMutation = graphql(
  `
    mutation RecordAdoption($input: RecordAdoptionInput!) {
      recordAdoption(input: $input) {
        adoption {
          id
        }
        practice {
          id
          adoptionCount
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);
