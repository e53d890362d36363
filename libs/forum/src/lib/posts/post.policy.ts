import type { Viewer } from '@bottega/core';
import { canCoordinate, isStaff, type CommunityAccessFacts } from '../communities/community.policy';
import type { PostEntity } from './post.entity';

/** Authors edit their own posts (staff too), as long as they are not deleted. */
export function canEditPost(viewer: Viewer, post: Pick<PostEntity, 'authorId' | 'deletedAt'>): boolean {
  return post.deletedAt === null && (post.authorId === viewer.userId || isStaff(viewer));
}

/**
 * A post's earlier versions may hold what its author edited out on purpose
 * (a beneficiary's name, an address), so only the author, the community's
 * coordinators and staff read them; readers of the post see its current text.
 */
export function canReadRevisions(viewer: Viewer | null, facts: CommunityAccessFacts, post: Pick<PostEntity, 'authorId'>): boolean {
  return viewer !== null && (post.authorId === viewer.userId || canCoordinate(viewer, facts));
}

/** Authors, the community's coordinators and staff delete posts. */
export function canDeletePost(viewer: Viewer, facts: CommunityAccessFacts, post: Pick<PostEntity, 'authorId' | 'deletedAt'>): boolean {
  return post.deletedAt === null && (post.authorId === viewer.userId || canCoordinate(viewer, facts));
}
