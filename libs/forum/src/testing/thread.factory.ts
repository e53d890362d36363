import type { DataSource } from 'typeorm';
import { toGlobalId } from '@bottega/core';
import { POST_LINKS, renderPostMarkdown } from '@bottega/markdown';

export interface TestThread {
  id: string;
  globalId: string;
  openingPostId: string;
  openingPostGlobalId: string;
}

/**
 * Threads with posts straight in the database, for tests and benchmarks, as
 * the API would leave them: bodies rendered and sanitized by the posts'
 * renderer, counters kept, and the author and repliers following the thread.
 */
export class ThreadFactory {
  constructor(private readonly db: DataSource) {}

  async create(spec: {
    communityId: string;
    authorId: string;
    kind?: 'DISCUSSION' | 'QUESTION';
    title?: string;
    replies?: { authorId: string; body?: string }[];
  }): Promise<TestThread> {
    const [thread] = (await this.db.query(
      `INSERT INTO thread (community_id, author_id, kind, title) VALUES ($1, $2, $3, $4) RETURNING id`,
      [spec.communityId, spec.authorId, spec.kind ?? 'DISCUSSION', spec.title ?? 'A thread made for a test'],
    )) as [{ id: string }];
    const posts = [{ authorId: spec.authorId, body: 'Opening post' }, ...(spec.replies ?? [])];
    const ids: string[] = [];
    for (const [index, post] of posts.entries()) {
      const body = post.body ?? `Reply ${index}`;
      const rendered = renderPostMarkdown(body, POST_LINKS);
      const [row] = (await this.db.query(
        `INSERT INTO post (thread_id, author_id, body_source, body_html, body_text, language, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7)) RETURNING id`,
        [thread.id, post.authorId, body, rendered.html, rendered.text, rendered.language, index / 1000],
      )) as [{ id: string }];
      await this.db.query(`INSERT INTO post_revision (post_id, version, body_source, editor_id) VALUES ($1, 1, $2, $3)`, [
        row.id,
        body,
        post.authorId,
      ]);
      ids.push(row.id);
    }
    await this.db.query(
      `INSERT INTO thread_participant (thread_id, user_id) SELECT DISTINCT $1::uuid, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [thread.id, posts.map((p) => p.authorId)],
    );
    await this.db.query(
      `INSERT INTO follow (user_id, subject_type, subject_key) SELECT DISTINCT unnest($2::uuid[]), 'THREAD', $1::text ON CONFLICT DO NOTHING`,
      [thread.id, posts.map((p) => p.authorId)],
    );
    await this.db.query(
      `UPDATE thread SET post_count = $2, participant_count = (SELECT count(*) FROM thread_participant WHERE thread_id = $1) WHERE id = $1`,
      [thread.id, posts.length],
    );
    return {
      id: thread.id,
      globalId: toGlobalId('Thread', thread.id),
      openingPostId: ids[0] ?? '',
      openingPostGlobalId: toGlobalId('Post', ids[0] ?? ''),
    };
  }
}
