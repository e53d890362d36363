import { Audience, EVERYONE, SIGNED_IN, STAFF, USER, byValue, type Grant } from '@bottega/core';
import { ProfileVisibility } from './profile.enums';

/** What decides who sees a competence profile. */
export type ProfileFacts = {
  ownerId: string;
  visibility: ProfileVisibility;
};

const OWNER: Grant<ProfileFacts> = { kind: USER, fact: 'ownerId' };

/**
 * Who sees a competence profile, as its owner chose: everyone, signed-in
 * members, or (hidden) only its owner and staff. Every way of reaching a
 * profile asks this: `competenceProfile`, `node`, `User.competenceProfile`,
 * lists and counts, endorsements.
 */
export const PROFILE_AUDIENCE = new Audience<ProfileFacts>([
  byValue<ProfileFacts>('visibility', {
    [ProfileVisibility.PUBLIC]: [EVERYONE],
    [ProfileVisibility.MEMBERS_ONLY]: [SIGNED_IN],
    [ProfileVisibility.HIDDEN]: [OWNER, STAFF],
  }),
]);

export const profileFacts = (profile: { userId: string; visibility: ProfileVisibility }): ProfileFacts => ({
  ownerId: profile.userId,
  visibility: profile.visibility,
});

/** Where a profile's facts are in SQL. */
export const profileColumns = (profile: string) => ({ ownerId: `${profile}.user_id`, visibility: `${profile}.visibility` }) as const;
