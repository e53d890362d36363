import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys, groupByKeys } from '@bottega/core';
import type { PostEntity, PostRevisionEntity } from './post.entity';
import { PostRepository, type ReactionCount } from './post.repository';

/** Key of a post's reactions as seen by one viewer ('' when anonymous). */
export const reactionKey = (postId: string, viewerId: string | null): string => `${postId}|${viewerId ?? ''}`;

@Injectable()
export class PostLoaders {
  readonly byId: LoaderFactory<string, PostEntity | null>;
  /** Keyed by {@link reactionKey}. */
  readonly reactions: LoaderFactory<string, ReactionCount[]>;
  readonly revisions: LoaderFactory<string, PostRevisionEntity[]>;

  constructor(posts: PostRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await posts.findByIds(ids), (p) => p.id));
    this.reactions = new LoaderFactory(async (keys) => {
      // Every key of one request carries the same viewer.
      const viewerId = keys[0]?.split('|')[1] || null;
      const postIds = keys.map((key) => key.split('|')[0] ?? '');
      const counts = await posts.reactionCounts(postIds, viewerId);
      return groupByKeys(postIds, counts, (row) => row.postId);
    });
    this.revisions = new LoaderFactory(async (ids) => groupByKeys(ids, await posts.revisionsOf(ids), (r) => r.postId));
  }
}
