import type { Viewer } from '@bottega/core';
import { CommunityVisibility } from '../communities/community.model';
import { canCoordinate, canRead, isStaff, type CommunityAccessFacts } from '../communities/community.policy';
import type { ThreadEntity } from './thread.entity';
import { ThreadKind } from './thread.model';

/**
 * Who may start threads and reply: anyone who reads an open community;
 * in a private one, its members. Staff everywhere.
 */
export function canPost(viewer: Viewer, facts: CommunityAccessFacts): boolean {
  if (!canRead(viewer, facts)) return false;
  return facts.visibility !== CommunityVisibility.PRIVATE || facts.viewerRole !== null || isStaff(viewer);
}

export function canReply(viewer: Viewer, facts: CommunityAccessFacts, thread: Pick<ThreadEntity, 'lockedAt'>): boolean {
  return thread.lockedAt === null && canPost(viewer, facts);
}

/** The asker, or the community's coordinators, choose the accepted answer of a question. */
export function canAcceptAnswer(
  viewer: Viewer,
  facts: CommunityAccessFacts,
  thread: Pick<ThreadEntity, 'kind' | 'authorId'>,
): boolean {
  return thread.kind === ThreadKind.QUESTION && (thread.authorId === viewer.userId || canCoordinate(viewer, facts));
}

/** Locking and pinning belong to the community's coordinators and site staff. */
export const canModerateThread = canCoordinate;
