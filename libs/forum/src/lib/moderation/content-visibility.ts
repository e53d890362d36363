import type { Viewer } from '@bottega/core';
import { CommunityRole } from '../communities/community.enums';
import { canCoordinate, isStaff, type CommunityAccessFacts } from '../communities/community.policy';

/** What the visibility rule needs to know about a post or a thread. */
export interface HideableContent {
  authorId: string | null;
  hiddenAt: Date | null;
}

/**
 * Hidden content (by a moderator, or by enough flags) stays visible to its
 * author, the community's coordinators and site staff. To everyone else a
 * hidden thread does not exist and a hidden post is a placeholder.
 * The same rule is SQL in {@link visibleContentSql}.
 */
export function canSeeContent(viewer: Viewer | null, facts: CommunityAccessFacts, content: HideableContent): boolean {
  if (content.hiddenAt === null) return true;
  return viewer !== null && (content.authorId === viewer.userId || canCoordinate(viewer, facts));
}

/**
 * SQL condition "the viewer may see this content" (see {@link canSeeContent})
 * over the given columns, or null when they see everything (site staff).
 */
export function visibleContentSql(
  columns: { hiddenAt: string; authorId: string; communityId: string },
  viewer: Viewer | null,
): { sql: string; params: Record<string, unknown> } | null {
  if (isStaff(viewer)) return null;
  return {
    sql: `(${columns.hiddenAt} IS NULL OR ${columns.authorId} = :hiddenViewerId OR EXISTS (
      SELECT 1 FROM community_membership hc
       WHERE hc.community_id = ${columns.communityId} AND hc.user_id = :hiddenViewerId AND hc.role = '${CommunityRole.COORDINATOR}'))`,
    params: { hiddenViewerId: viewer?.userId ?? null },
  };
}
