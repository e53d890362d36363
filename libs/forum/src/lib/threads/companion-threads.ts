import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { Outbox, OutboxChange } from '@bottega/core';
import { POST_LINKS, renderPostMarkdown } from '@bottega/markdown';
import { PostEntity } from '../posts/post.entity';
import { PostRepository } from '../posts/post.repository';
import { ThreadKind } from './thread.enums';
import { ThreadRepository } from './thread.repository';

/** A thread another feature opens beside its own content: where an exchange is discussed. */
export interface CompanionThread {
  communityId: string;
  authorId: string;
  /** 8 to 200 characters, as any thread's. */
  title: string;
  /** Markdown of the opening post (mentions and quotes are not resolved). */
  body: string;
  territoryIds?: string[];
}

/**
 * Starts discussion threads for other features, in their transaction, so the
 * thread and what it discusses commit together. The caller has decided who
 * may; the thread is counted, followed by nobody and announced to no one,
 * and recorded in the outbox like any other.
 */
@Injectable()
export class CompanionThreads {
  constructor(
    private readonly threads: ThreadRepository,
    private readonly posts: PostRepository,
    private readonly outbox: Outbox,
  ) {}

  /** Outside the app's container (the demo seed), on `db`. */
  static on(db: DataSource): CompanionThreads {
    return new CompanionThreads(new ThreadRepository(db), new PostRepository(db, db.getRepository(PostEntity)), new Outbox());
  }

  /** The new thread's id. */
  async start(manager: EntityManager, thread: CompanionThread): Promise<string> {
    const source = thread.body.trim();
    const rendered = renderPostMarkdown(source, POST_LINKS);
    const created = await this.threads.insert(
      manager,
      { communityId: thread.communityId, authorId: thread.authorId, kind: ThreadKind.DISCUSSION, title: thread.title },
      { tags: [], territoryIds: thread.territoryIds ?? [] },
    );
    const post = await this.posts.insert(
      manager,
      { threadId: created.id, authorId: thread.authorId, replyToId: null, bodySource: source, bodyHtml: rendered.html, bodyText: rendered.text },
      [],
    );
    await this.threads.countPost(manager, created.id, thread.authorId);
    await this.outbox.record(manager, { kind: 'Thread', subjectId: created.id, change: OutboxChange.CREATED, payload: { communityId: thread.communityId } });
    await this.outbox.record(manager, { kind: 'Post', subjectId: post.id, change: OutboxChange.CREATED, payload: { threadId: created.id } });
    return created.id;
  }
}
