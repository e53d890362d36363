import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { Outbox, OutboxChange } from '@bottega/core';
import { POST_LINKS, renderPostMarkdown } from '@bottega/markdown';
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
    private readonly outbox: Outbox,
  ) {}

  /** Outside the app's container (the demo seed, whose data source knows no entities), on `db`. */
  static on(db: DataSource): CompanionThreads {
    return new CompanionThreads(new ThreadRepository(db), new Outbox());
  }

  /** The new thread's id. */
  async start(manager: EntityManager, thread: CompanionThread): Promise<string> {
    const source = thread.body.trim();
    const rendered = renderPostMarkdown(source, POST_LINKS);
    // Plain statements, as the demo seed writes threads: they run on any data source, entities registered or not.
    const [created] = (await manager.query(`INSERT INTO thread (community_id, author_id, kind, title) VALUES ($1, $2, $3, $4) RETURNING id`, [
      thread.communityId,
      thread.authorId,
      ThreadKind.DISCUSSION,
      thread.title,
    ])) as [{ id: string }];
    await manager.query(`INSERT INTO thread_territory (thread_id, territory_id) SELECT $1, unnest($2::uuid[])`, [created.id, thread.territoryIds ?? []]);
    const [post] = (await manager.query(
      `INSERT INTO post (thread_id, author_id, body_source, body_html, body_text, language) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [created.id, thread.authorId, source, rendered.html, rendered.text, rendered.language],
    )) as [{ id: string }];
    await manager.query(`INSERT INTO post_revision (post_id, version, body_source, editor_id) VALUES ($1, 1, $2, $3)`, [post.id, source, thread.authorId]);
    await this.threads.countPost(manager, created.id, thread.authorId);
    await this.outbox.record(manager, { kind: 'Thread', subjectId: created.id, change: OutboxChange.CREATED, payload: { communityId: thread.communityId } });
    await this.outbox.record(manager, { kind: 'Post', subjectId: post.id, change: OutboxChange.CREATED, payload: { threadId: created.id } });
    return created.id;
  }
}
