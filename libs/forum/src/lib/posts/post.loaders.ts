import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys, groupByKeys } from '@bottega/core';
import type { PostEntity, PostRevisionEntity } from './post.entity';
import { ReactionKind } from './post.enums';
import type { SeenReaction } from './post.model';
import { PostRepository, type ViewerReactionCount } from './post.repository';

const REACTION_KINDS = Object.values(ReactionKind);

/** Every kind of reaction with its count and whether the viewer left it, from the kinds the post has. */
export function reactionSummaries(counts: readonly ViewerReactionCount[]): SeenReaction[] {
  return REACTION_KINDS.map((kind) => {
    const row = counts.find((c) => c.kind === kind);
    return { kind, count: row?.count ?? 0, viewerHasReacted: row?.mine ?? false };
  });
}

/** Key of a post's reactions as seen by one viewer ('' when anonymous). */
export const reactionKey = (postId: string, viewerId: string | null): string => `${postId}|${viewerId ?? ''}`;

@Injectable()
export class PostLoaders {
  readonly byId: LoaderFactory<string, PostEntity | null>;
  /** Keyed by {@link reactionKey}. */
  readonly reactions: LoaderFactory<string, ViewerReactionCount[]>;
  readonly revisions: LoaderFactory<string, PostRevisionEntity[]>;
  /** Keyed by author id; see `PostRepository.publicCountsByAuthor`. */
  readonly publicCountByAuthor: LoaderFactory<string, number>;

  constructor(posts: PostRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await posts.findByIds(ids), (p) => p.id));
    this.reactions = new LoaderFactory(async (keys, loaders) => {
      // Loaders can be shared by the subscribers of one event, so keys may carry many viewers: still one statement,
      // which also loads every expected reader's, for the subscribers whose turn comes later.
      const pairs = keys.map((key) => key.split('|') as [string, string]);
      const postIds = [...new Set(pairs.map(([postId]) => postId))];
      const viewerIds = [...new Set([...pairs.map(([, viewerId]) => viewerId).filter(Boolean), ...loaders.expectedReaders])];
      const byPost = groupByKeys(postIds, await posts.reactionCounts(postIds, viewerIds), (row) => row.postId);
      const counts = new Map(postIds.map((postId, index) => [postId, byPost[index] ?? []]));
      const seenBy = (postId: string, viewerId: string): ViewerReactionCount[] =>
        (counts.get(postId) ?? []).map((row) => ({ kind: row.kind, count: row.count, mine: viewerId !== '' && row.viewerIds.includes(viewerId) }));
      const loader = loaders.get(this.reactions);
      for (const postId of postIds) for (const viewerId of loaders.expectedReaders) loader.prime(reactionKey(postId, viewerId), seenBy(postId, viewerId));
      return pairs.map(([postId, viewerId]) => seenBy(postId, viewerId));
    });
    this.revisions = new LoaderFactory(async (ids) => groupByKeys(ids, await posts.revisionsOf(ids), (r) => r.postId));
    this.publicCountByAuthor = new LoaderFactory(async (authorIds) =>
      byKeys(authorIds, await posts.publicCountsByAuthor(authorIds), (row) => row.authorId).map((row) => row?.count ?? 0),
    );
  }
}
