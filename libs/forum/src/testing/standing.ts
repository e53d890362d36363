import { EVERYONE, Principals, SIGNED_IN, STAFF, USER, isStaff, principal, type Viewer } from '@bottega/core';
import { COORDINATOR, MEMBER } from '../lib/communities/community.audience';
import { CommunityRole, CommunityVisibility } from '../lib/communities/community.enums';
import type { CommunityAccessFacts } from '../lib/communities/community.policy';

/**
 * A viewer's standing in community `c`, as the principal sources would
 * give it, for unit tests of the policies.
 */
export function standing(
  viewer: Viewer | null,
  role: CommunityRole | null = null,
  visibility: CommunityVisibility = CommunityVisibility.PUBLIC,
): CommunityAccessFacts {
  const community = { id: 'c', visibility };
  if (!viewer) return { community, principals: Principals.ANONYMOUS };
  const names = [EVERYONE, SIGNED_IN, principal(USER, viewer.userId)];
  if (isStaff(viewer)) names.push(STAFF);
  if (role) names.push(principal(MEMBER, community.id));
  if (role === CommunityRole.COORDINATOR) names.push(principal(COORDINATOR, community.id));
  return { community, principals: new Principals(viewer.userId, names) };
}
