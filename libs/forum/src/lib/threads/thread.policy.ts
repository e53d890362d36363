import { isStaff, type Viewer } from '@bottega/core';
import { CommunityVisibility } from '../communities/community.enums';
import { canCoordinate, canRead, viewerRole, type CommunityAccessFacts } from '../communities/community.policy';
import type { ThreadEntity } from './thread.entity';
import { ThreadKind } from './thread.enums';

/**
 * Who may start threads and reply: anyone who reads an open community;
 * in a private one, its members. Staff everywhere.
 */
export function canPost(viewer: Viewer, facts: CommunityAccessFacts): boolean {
  if (!canRead(facts)) return false;
  return facts.community.visibility !== CommunityVisibility.PRIVATE || viewerRole(facts) !== null || isStaff(viewer);
}

/**
 * A lock closes a thread to its members, not to the people who run the
 * community: they can still explain why it was closed (as in Discourse).
 * The same rule is SQL in `ThreadRepository.countPost`, which settles a reply racing a lock.
 */
export function canReply(viewer: Viewer, facts: CommunityAccessFacts, thread: Pick<ThreadEntity, 'lockedAt'>): boolean {
  return canPost(viewer, facts) && (thread.lockedAt === null || canCoordinate(viewer, facts));
}

/** The asker, or the community's coordinators, choose (and withdraw) the accepted answer of a question. */
export function canAcceptAnswer(
  viewer: Viewer,
  facts: CommunityAccessFacts,
  thread: Pick<ThreadEntity, 'kind' | 'authorId'>,
): boolean {
  return thread.kind === ThreadKind.QUESTION && (thread.authorId === viewer.userId || canCoordinate(viewer, facts));
}

/** Locking and pinning belong to the community's coordinators and site staff. */
export const canModerateThread = canCoordinate;

/** The author edits the title, tags and territories until the thread is locked; coordinators and staff always. */
export function canEditThread(viewer: Viewer, facts: CommunityAccessFacts, thread: Pick<ThreadEntity, 'authorId' | 'lockedAt'>): boolean {
  return canCoordinate(viewer, facts) || (thread.authorId === viewer.userId && thread.lockedAt === null);
}

/**
 * Coordinators and staff delete threads; the author too while nobody else has
 * posted in it (as Discourse allows), so a discussion cannot be pulled from
 * under the people who answered. `ThreadRepository.softDelete` repeats the
 * author's condition in SQL, against a reply arriving at the same moment.
 */
export function canDeleteThread(
  viewer: Viewer,
  facts: CommunityAccessFacts,
  thread: Pick<ThreadEntity, 'authorId' | 'participantCount'>,
): boolean {
  return canCoordinate(viewer, facts) || (thread.authorId === viewer.userId && thread.participantCount <= 1);
}

/** Moving a thread takes the say of both communities' coordinators (one who coordinates both), or staff. */
export function canMoveThread(viewer: Viewer, from: CommunityAccessFacts, to: CommunityAccessFacts): boolean {
  return canCoordinate(viewer, from) && canCoordinate(viewer, to);
}
