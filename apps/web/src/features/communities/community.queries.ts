import { graphql } from '../../app/graphql';
import { UserErrorFields } from '../../ui/form-errors';

export const CommunityQuery = graphql(`
  query CommunityPage($slug: String!) {
    community(slug: $slug) {
      id
      slug
      name
      description
      kind
      visibility
      memberCount
      territory {
        id
        code
        name
      }
      members(first: 20) {
        nodes {
          role
          user {
            id
            handle
            displayName
          }
        }
      }
    }
  }
`);

export const CommunityThreadsQuery = graphql(`
  query CommunityThreads($community: ID!, $after: String) {
    threads(first: 20, after: $after, filter: { community: $community }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        kind
        answered
        pinned
        locked
        postCount
        lastActivityAt
        tags
        author {
          id
          handle
          displayName
        }
      }
    }
  }
`);

/** What the signed-in viewer is and may do in a community. */
export const CommunityViewerFields = graphql(`
  fragment CommunityViewerFields on Community @_unmask {
    id
    slug
    name
    visibility
    memberCount
    viewerRole
    viewerCanJoin
    viewerCanModerate
  }
`);

/** Read signed in, after the anonymous page: the viewer's own standing. */
export const CommunityViewerQuery = graphql(
  `
    query CommunityViewer($slug: String!) {
      viewer {
        id
        role
      }
      community(slug: $slug) {
        ...CommunityViewerFields
      }
    }
  `,
  [CommunityViewerFields],
);

export const JoinCommunityMutation = graphql(
  `
    mutation JoinCommunity($input: CommunityIdInput!) {
      joinCommunity(input: $input) {
        community {
          ...CommunityViewerFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [CommunityViewerFields, UserErrorFields],
);

export const LeaveCommunityMutation = graphql(
  `
    mutation LeaveCommunity($input: CommunityIdInput!) {
      leaveCommunity(input: $input) {
        community {
          ...CommunityViewerFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [CommunityViewerFields, UserErrorFields],
);

/** The members a coordinator manages (the API gives at most 100 a page). */
export const CommunityMembersFields = graphql(`
  fragment CommunityMembersFields on Community @_unmask {
    id
    memberCount
    members(first: 100) {
      totalCount
      nodes {
        role
        joinedAt
        user {
          id
          handle
          displayName
        }
      }
    }
  }
`);

export const CommunityMembersQuery = graphql(
  `
    query CommunityMembers($slug: String!) {
      viewer {
        id
      }
      community(slug: $slug) {
        ...CommunityViewerFields
        ...CommunityMembersFields
      }
    }
  `,
  [CommunityViewerFields, CommunityMembersFields],
);

export const SetCommunityRoleMutation = graphql(
  `
    mutation SetCommunityRole($input: SetCommunityRoleInput!) {
      setCommunityRole(input: $input) {
        community {
          ...CommunityViewerFields
          ...CommunityMembersFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [CommunityViewerFields, CommunityMembersFields, UserErrorFields],
);

export const RemoveCommunityMemberMutation = graphql(
  `
    mutation RemoveCommunityMember($input: CommunityMemberInput!) {
      removeCommunityMember(input: $input) {
        community {
          ...CommunityViewerFields
          ...CommunityMembersFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [CommunityViewerFields, CommunityMembersFields, UserErrorFields],
);

export const PersonByHandleQuery = graphql(`
  query CommunityPersonByHandle($handle: String!) {
    user(handle: $handle) {
      id
      handle
      displayName
    }
  }
`);

export const InviteToCommunityMutation = graphql(
  `
    mutation InviteToCommunity($input: CommunityMemberInput!) {
      inviteToCommunity(input: $input) {
        community {
          id
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export const CommunitySettingsQuery = graphql(
  `
    query CommunitySettings($slug: String!) {
      community(slug: $slug) {
        ...CommunityViewerFields
        description
      }
    }
  `,
  [CommunityViewerFields],
);

export const UpdateCommunityMutation = graphql(
  `
    mutation UpdateCommunity($input: UpdateCommunityInput!) {
      updateCommunity(input: $input) {
        community {
          ...CommunityViewerFields
          description
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [CommunityViewerFields, UserErrorFields],
);

export const StaffViewerQuery = graphql(`
  query CommunityStaffViewer {
    viewer {
      id
      role
    }
  }
`);

export const TerritoryByCodeQuery = graphql(`
  query CommunityTerritoryByCode($code: String!) {
    territory(code: $code) {
      id
      code
      name
    }
  }
`);

export const CreateCommunityMutation = graphql(
  `
    mutation CreateCommunity($input: CreateCommunityInput!) {
      createCommunity(input: $input) {
        community {
          ...CommunityViewerFields
        }
        userErrors {
          ...UserErrorFields
        }
      }
    }
  `,
  [CommunityViewerFields, UserErrorFields],
);

/** Communities the reader may read: public ones for everybody, and with a session theirs and those they are invited to. */
export const CommunitiesQuery = graphql(
  `
    query Communities {
      communities(first: 100) {
        totalCount
        nodes {
          ...CommunityViewerFields
          description
          kind
          territory {
            id
            code
            name
          }
        }
      }
    }
  `,
  [CommunityViewerFields],
);
