import { GlobalRole, type Viewer } from '@bottega/core';
import { CommunityRole, CommunityVisibility } from './community.enums';

/** What the policy needs to know about a community and the viewer's place in it. */
export interface CommunityAccessFacts {
  visibility: CommunityVisibility;
  /** The viewer's role in the community, null when not a member. */
  viewerRole: CommunityRole | null;
  invited: boolean;
}

export const isStaff = (viewer: Viewer | null): boolean =>
  viewer?.role === GlobalRole.ADMIN || viewer?.role === GlobalRole.MODERATOR;

/** Who may read a community and everything in it. The same rule is written as SQL in `readableCommunitySql` and `CommunityRepository.readersAmong`. */
export function canRead(viewer: Viewer | null, facts: CommunityAccessFacts): boolean {
  switch (facts.visibility) {
    case CommunityVisibility.PUBLIC:
      return true;
    case CommunityVisibility.MEMBERS_ONLY:
      return viewer !== null;
    case CommunityVisibility.PRIVATE:
      return facts.viewerRole !== null || facts.invited || isStaff(viewer);
  }
}

export function canJoin(_viewer: Viewer, facts: CommunityAccessFacts): boolean {
  if (facts.viewerRole !== null) return false;
  return facts.visibility !== CommunityVisibility.PRIVATE || facts.invited;
}

/** Coordinators and site staff run a community (members, pins, locks, moderation queue). */
export function canCoordinate(viewer: Viewer, facts: CommunityAccessFacts): boolean {
  return facts.viewerRole === CommunityRole.COORDINATOR || isStaff(viewer);
}

/** Admins and moderators open new communities. */
export const canCreateCommunity = (viewer: Viewer): boolean => isStaff(viewer);
