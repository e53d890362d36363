import { graphql } from '../../app/graphql';
import { UserErrorFields } from '../../ui/form-errors';

/** What the owner edits, as they wrote it (bio in Markdown, competences with their evidence ids). */
export const EditableProfileFields = graphql(`
  fragment EditableProfileFields on CompetenceProfile {
    id
    displayName
    bio
    bioHtml
    avatarUrl
    languages
    visibility
    availability
    viewerCanEdit
    organization { name kind }
    territories { id code name }
    competences {
      level
      evidenceNote
      endorsementCount
      skill { id key label }
      evidence { __typename id }
    }
  }
`);

export const EditProfileQuery = graphql(
  `
    query EditProfile($handle: String!, $lang: Language!) {
      competenceProfile(handle: $handle) { ...EditableProfileFields }
      skillAreas(lang: $lang) {
        id
        key
        label(lang: $lang)
        skills { id key label(lang: $lang) }
      }
    }
  `,
  [EditableProfileFields],
);

export const UpdateProfileMutation = graphql(
  `
    mutation UpdateProfile($input: UpdateProfileInput!) {
      updateProfile(input: $input) {
        profile { ...EditableProfileFields }
        userErrors { ...UserErrorFields }
      }
    }
  `,
  [EditableProfileFields, UserErrorFields],
);

export const SetProfileVisibilityMutation = graphql(
  `
    mutation SetProfileVisibility($input: SetProfileVisibilityInput!) {
      setProfileVisibility(input: $input) {
        profile { id visibility }
        userErrors { ...UserErrorFields }
      }
    }
  `,
  [UserErrorFields],
);

export const SetAvailabilityMutation = graphql(
  `
    mutation SetAvailability($input: SetAvailabilityInput!) {
      setAvailability(input: $input) {
        profile { id availability }
        userErrors { ...UserErrorFields }
      }
    }
  `,
  [UserErrorFields],
);

export const SetCompetencesMutation = graphql(
  `
    mutation SetCompetences($input: SetCompetencesInput!) {
      setCompetences(input: $input) {
        profile { ...EditableProfileFields }
        userErrors { ...UserErrorFields }
      }
    }
  `,
  [EditableProfileFields, UserErrorFields],
);

/** The names of followed threads, communities, territories and practices, to list and link them. */
export const FollowedSubjectsQuery = graphql(`
  query FollowedSubjects($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on Thread { title }
      ... on Community { name slug }
      ... on Territory { name code }
      ... on Practice { title slug }
    }
  }
`);
