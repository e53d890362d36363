import { Audience, EVERYONE, SIGNED_IN, STAFF, USER, byValue, restrictedWhile, type Grant } from '@bottega/core';
import { ProfileVisibility } from './profile.enums';

/** What decides who sees a competence profile. */
export type ProfileFacts = {
  ownerId: string;
  visibility: ProfileVisibility;
  /** Hidden by moderation (a moderator's decision, or enough flags). */
  moderated: boolean;
};

const OWNER: Grant<ProfileFacts> = { kind: USER, fact: 'ownerId' };

/**
 * Who sees a competence profile, as its owner chose: everyone, signed-in
 * members, or (hidden) only its owner and staff; and, while moderation hides
 * it, only its owner and staff whatever the owner chose. Every way of reaching
 * a profile asks this: `competenceProfile`, `node`, `User.competenceProfile`,
 * lists and counts, endorsements, the readers of news about it, and its
 * search document's restrictions.
 */
export const PROFILE_AUDIENCE = new Audience<ProfileFacts>([
  byValue<ProfileFacts>('visibility', {
    [ProfileVisibility.PUBLIC]: [EVERYONE],
    [ProfileVisibility.MEMBERS_ONLY]: [SIGNED_IN],
    [ProfileVisibility.HIDDEN]: [OWNER, STAFF],
  }),
  restrictedWhile<ProfileFacts>('moderated', [OWNER, STAFF]),
]);

export const profileFacts = (profile: { userId: string; visibility: ProfileVisibility; hiddenAt: Date | null }): ProfileFacts => ({
  ownerId: profile.userId,
  visibility: profile.visibility,
  moderated: profile.hiddenAt !== null,
});

/** Where a profile's facts are in SQL. */
export const profileColumns = (profile: string) =>
  ({ ownerId: `${profile}.user_id`, visibility: `${profile}.visibility`, moderated: `${profile}.hidden_at IS NOT NULL` }) as const;
