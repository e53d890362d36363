import type { Cache } from '@urql/exchange-graphcache';
import type { FeatureCache } from '../../app/client';

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
    Subscription: {
      postAdded(result, args, cache) {
        const post = (result as { postAdded?: { id?: string } }).postAdded;
        if (post?.id && typeof args['threadId'] === 'string') appendPostToThread(cache, args['threadId'], post.id);
      },
    },
  },
};
