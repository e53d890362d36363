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
  /** Keyed by author id; see `PostRepository.publicCountsByAuthor`. */
  readonly publicCountByAuthor: LoaderFactory<string, number>;

  constructor(posts: PostRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await posts.findByIds(ids), (p) => p.id));
    this.reactions = new LoaderFactory(async (keys) => {
      // Loaders can be shared by the subscribers of one event, so keys may carry several viewers.
      const byViewer = new Map<string, string[]>();
      for (const key of keys) {
        const [postId = '', viewerId = ''] = key.split('|');
        byViewer.set(viewerId, [...(byViewer.get(viewerId) ?? []), postId]);
      }
      const rows = await Promise.all(
        [...byViewer].map(async ([viewerId, postIds]) =>
          (await posts.reactionCounts(postIds, viewerId || null)).map((row) => ({ key: reactionKey(row.postId, viewerId || null), row })),
        ),
      );
      return groupByKeys(keys, rows.flat(), (entry) => entry.key).map((entries) => entries.map((entry) => entry.row));
    });
    this.revisions = new LoaderFactory(async (ids) => groupByKeys(ids, await posts.revisionsOf(ids), (r) => r.postId));
    this.publicCountByAuthor = new LoaderFactory(async (authorIds) =>
      byKeys(authorIds, await posts.publicCountsByAuthor(authorIds), (row) => row.authorId).map((row) => row?.count ?? 0),
    );
  }
}
