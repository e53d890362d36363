import type { BusEvent } from '@bottega/core';

/** What happened in a community, for `threadActivity` subscribers. */
export enum ThreadActivityKind {
  THREAD_STARTED = 'THREAD_STARTED',
  POST_ADDED = 'POST_ADDED',
  STATUS_CHANGED = 'STATUS_CHANGED',
}

export const threadTopic = (threadId: string): string => `thread:${threadId}`;
export const communityTopic = (communityId: string): string => `community:${communityId}`;

export function postAddedEvent(threadId: string, postId: string): BusEvent {
  return { topic: threadTopic(threadId), postId };
}

export function communityEvent(communityId: string, kind: ThreadActivityKind, threadId: string, postId: string | null = null): BusEvent {
  return { topic: communityTopic(communityId), kind, threadId, postId };
}
