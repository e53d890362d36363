import type { BusEvent } from '@bottega/core';

/** What happened in a community, for `threadActivity` subscribers. */
export enum ThreadActivityKind {
  THREAD_STARTED = 'THREAD_STARTED',
  POST_ADDED = 'POST_ADDED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  THREAD_EDITED = 'THREAD_EDITED',
  /** Sent to both communities; readers of the old one who cannot read the new one do not receive it. */
  THREAD_MOVED = 'THREAD_MOVED',
}

export const threadTopic = (threadId: string): string => `thread:${threadId}`;
export const communityTopic = (communityId: string): string => `community:${communityId}`;

export function postAddedEvent(threadId: string, postId: string): BusEvent {
  return { topic: threadTopic(threadId), postId };
}

/**
 * Tells a thread's `postAdded` subscribers to look again: after a delete or a
 * move, those who may no longer read it stop receiving.
 */
export function threadChangedEvent(threadId: string): BusEvent {
  return { topic: threadTopic(threadId), postId: null };
}

export function communityEvent(communityId: string, kind: ThreadActivityKind, threadId: string, postId: string | null = null): BusEvent {
  return { topic: communityTopic(communityId), kind, threadId, postId };
}
