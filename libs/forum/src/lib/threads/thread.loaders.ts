import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys, groupByKeys } from '@bottega/core';
import type { PostEntity } from '../posts/post.entity';
import { PostRepository } from '../posts/post.repository';
import { ThreadRepository, type LoadedThread } from './thread.repository';

@Injectable()
export class ThreadLoaders {
  readonly byId: LoaderFactory<string, LoadedThread | null>;
  readonly tags: LoaderFactory<string, string[]>;
  readonly territoryIds: LoaderFactory<string, string[]>;
  readonly openingPost: LoaderFactory<string, PostEntity | null>;

  constructor(threads: ThreadRepository, posts: PostRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await threads.findByIds(ids), (t) => t.id));
    this.tags = new LoaderFactory(async (ids) =>
      groupByKeys(ids, await threads.tagsOf(ids), (row) => row.threadId).map((rows) => rows.map((row) => row.slug)),
    );
    this.territoryIds = new LoaderFactory(async (ids) =>
      groupByKeys(ids, await threads.territoriesOf(ids), (row) => row.threadId).map((rows) => rows.map((row) => row.territoryId)),
    );
    this.openingPost = new LoaderFactory(async (ids) => byKeys(ids, await posts.openingPosts(ids), (p) => p.threadId));
  }
}
