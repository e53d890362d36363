import { isStaff, type Principals, type Viewer } from '@bottega/core';
import { COMMUNITY_AUDIENCE, COORDINATOR, INVITED, MEMBER, communityFacts } from './community.audience';
import { CommunityRole, CommunityVisibility } from './community.enums';

/** A community and what the viewer is (their principals), for every community rule. */
export interface CommunityAccessFacts {
  community: { id: string; visibility: CommunityVisibility };
  principals: Principals;
}

/** The viewer's role in the community, null when not a member. */
export function viewerRole(facts: CommunityAccessFacts): CommunityRole | null {
  if (facts.principals.holds(COORDINATOR, facts.community.id)) return CommunityRole.COORDINATOR;
  return facts.principals.holds(MEMBER, facts.community.id) ? CommunityRole.MEMBER : null;
}

/** Who may read a community and everything in it: {@link COMMUNITY_AUDIENCE}. */
export const canRead = (facts: CommunityAccessFacts): boolean =>
  COMMUNITY_AUDIENCE.allows(communityFacts(facts.community), facts.principals);

export function canJoin(facts: CommunityAccessFacts): boolean {
  if (viewerRole(facts) !== null) return false;
  return facts.community.visibility !== CommunityVisibility.PRIVATE || facts.principals.holds(INVITED, facts.community.id);
}

/** Coordinators and site staff run a community (members, pins, locks, moderation queue). */
export function canCoordinate(viewer: Viewer | null, facts: CommunityAccessFacts): boolean {
  return viewerRole(facts) === CommunityRole.COORDINATOR || isStaff(viewer);
}

/** Admins and moderators open new communities. */
export const canCreateCommunity = (viewer: Viewer): boolean => isStaff(viewer);
