import type { Cache } from '@urql/exchange-graphcache';
import type { FeatureCache } from '../../app/client';
import { graphql } from '../../app/graphql';

const AcceptedFlag = graphql(`
  fragment ThreadsAcceptedFlag on Post {
    id
    isAcceptedAnswer
  }
`);

/** Every post of a thread already in the cache, from each loaded page of its posts. */
function loadedPosts(cache: Cache, threadId: string): string[] {
  const ids = new Set<string>();
  for (const field of cache.inspectFields(threadId)) {
    if (field.fieldName !== 'posts') continue;
    const connection = cache.resolve(threadId, field.fieldKey);
    if (typeof connection !== 'string') continue;
    const nodes = cache.resolve(connection, 'nodes');
    if (Array.isArray(nodes)) for (const id of nodes as unknown[]) if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}

/**
 * Appends a post to every loaded page list of its thread's posts, once: a post that arrives
 * both live and from a mutation's result (or a refetch) is never shown twice.
 */
export function appendPostToThread(cache: Cache, threadId: string, postId: string): void {
  for (const field of cache.inspectFields(threadId)) {
    if (field.fieldName !== 'posts') continue;
    const connection = cache.resolve(threadId, field.fieldKey);
    if (typeof connection !== 'string') continue;
    // Only the last page grows: an earlier page with more after it is not where a new post goes.
    const pageInfo = cache.resolve(connection, 'pageInfo');
    if (typeof pageInfo === 'string' && cache.resolve(pageInfo, 'hasNextPage') === true) continue;
    const nodes = cache.resolve(connection, 'nodes');
    if (!Array.isArray(nodes) || (nodes as unknown[]).includes(postId)) continue;
    cache.link(connection, 'nodes', [...(nodes as string[]), postId]);
  }
}

export const cache: FeatureCache = {
  updates: {
    Mutation: {
      replyToThread(result, _args, cache) {
        const post = (result as { replyToThread?: { post?: { id?: string; thread?: { id?: string } } | null } | null }).replyToThread?.post;
        if (post?.id && post.thread?.id) appendPostToThread(cache, post.thread.id, post.id);
      },
      acceptAnswer(result, _args, cache) {
        const thread = (result as { acceptAnswer?: { thread?: { id?: string; acceptedAnswer?: { id?: string } | null } | null } | null })
          .acceptAnswer?.thread;
        if (!thread?.id) return;
        // Only one reply is the answer: the one accepted before it no longer is.
        const accepted = thread.acceptedAnswer?.id ?? null;
        for (const id of loadedPosts(cache, thread.id)) {
          cache.writeFragment(AcceptedFlag, { id, isAcceptedAnswer: id === accepted });
        }
      },
    },
    Subscription: {
      postAdded(result, args, cache) {
        const post = (result as { postAdded?: { id?: string } }).postAdded;
        if (post?.id && typeof args['threadId'] === 'string') appendPostToThread(cache, args['threadId'], post.id);
      },
    },
  },
};
