import { Audience, COORDINATOR, EVERYONE, SIGNED_IN, STAFF, always, byValue, type PrincipalSource } from '@bottega/core';
import { CommunityRole, CommunityVisibility } from './community.enums';

/** `member:<community>`: belongs to the community (coordinators too). */
export const MEMBER = 'member';
/** `invited:<community>`: holds a pending invitation to it. */
export const INVITED = 'invited';
export { COORDINATOR };

/** What decides who reads a community. */
export type CommunityFacts = {
  communityId: string;
  visibility: CommunityVisibility;
};

export const communityFacts = (community: { id: string; visibility: CommunityVisibility }): CommunityFacts => ({
  communityId: community.id,
  visibility: community.visibility,
});

/** A principal about the community of the content: `coordinator:<communityId>`. */
export const ofCommunity = (kind: string) => ({ kind, fact: 'communityId' as const });

/** Who reads a community and everything in it: the one statement of the rule. */
export const COMMUNITY_AUDIENCE = new Audience<CommunityFacts>([
  byValue<CommunityFacts>('visibility', {
    [CommunityVisibility.PUBLIC]: [EVERYONE],
    [CommunityVisibility.MEMBERS_ONLY]: [SIGNED_IN],
    [CommunityVisibility.PRIVATE]: [ofCommunity(MEMBER), ofCommunity(INVITED), STAFF],
  }),
]);

/** Those who decide on a community's content: its coordinators and site staff. */
export const COMMUNITY_MODERATORS = [ofCommunity(COORDINATOR), STAFF];

/** {@link COMMUNITY_MODERATORS} of one community, as principals (what a moderation case records). */
export const moderatorsOf = (communityId: string): string[] => always<{ communityId: string }>(COMMUNITY_MODERATORS).principals({ communityId });

/** Memberships, coordination and invitations, as principals. */
export const COMMUNITY_PRINCIPALS: PrincipalSource = {
  name: 'community',
  sql: `SELECT m.user_id, '${MEMBER}:' || m.community_id FROM community_membership m WHERE m.user_id = ANY($1::uuid[])
        UNION ALL
        SELECT m.user_id, '${COORDINATOR}:' || m.community_id FROM community_membership m
         WHERE m.user_id = ANY($1::uuid[]) AND m.role = '${CommunityRole.COORDINATOR}'
        UNION ALL
        SELECT i.invitee_id, '${INVITED}:' || i.community_id FROM community_invitation i WHERE i.invitee_id = ANY($1::uuid[])`,
};
