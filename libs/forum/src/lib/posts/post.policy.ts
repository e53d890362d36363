import { isStaff, type Viewer } from '@bottega/core';
import type { CommunityEntity } from '../communities/community.entity';
import { CommunityVisibility } from '../communities/community.enums';
import { canCoordinate, type CommunityAccessFacts } from '../communities/community.policy';
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

/**
 * A quote copies words of one post into another, so it may only go where
 * everyone who reads the quoting post could already read the quoted one:
 * public posts anywhere, members-only ones into members-only and private
 * communities, private ones only within their own community. With no known
 * destination, only public posts.
 */
export function canQuoteInto(quoted: Pick<CommunityEntity, 'id' | 'visibility'>, into: Pick<CommunityEntity, 'id' | 'visibility'> | null): boolean {
  switch (quoted.visibility) {
    case CommunityVisibility.PUBLIC:
      return true;
    case CommunityVisibility.MEMBERS_ONLY:
      return into !== null && into.visibility !== CommunityVisibility.PUBLIC;
    case CommunityVisibility.PRIVATE:
      return into !== null && into.id === quoted.id;
  }
}
