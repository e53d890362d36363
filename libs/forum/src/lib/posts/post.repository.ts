import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { SqlList } from '@bottega/core';
import { userJsonSql, type UserJson } from '@bottega/identity';
import { PostEntity, PostRevisionEntity, type PostRow } from './post.entity';
import type { ReactionKind } from './post.enums';

export interface RenderedBody {
  bodySource: string;
  bodyHtml: string;
  bodyText: string;
  language: string;
}

export interface ReactionCount {
  postId: string;
  kind: ReactionKind;
  count: number;
  /** Of the viewers asked about, those who gave this reaction. */
  viewerIds: string[];
}

/** A post's reactions of one kind, as one viewer sees them. */
export interface ViewerReactionCount {
  kind: ReactionKind;
  count: number;
  mine: boolean;
}


const POST_ROW_COLUMNS = [
  'post.id',
  'post.thread_id AS "threadId"',
  'post.author_id AS "authorId"',
  'post.reply_to_id AS "replyToId"',
  'post.body_html AS "bodyHtml"',
  'post.language',
  'post.version',
  'post.created_at AS "createdAt"',
  'post.edited_at AS "editedAt"',
  'post.deleted_at AS "deletedAt"',
  'post.deleted_by AS "deletedBy"',
  'post.hidden_at AS "hiddenAt"',
].join(', ');

/** A post as a thread page lists it: with its author, for the user loader, and its reactions when asked. */
export type PostPageRow = PostRow & { author: UserJson | null; reactions: ViewerReactionCount[] | null };

/** The only code that reads and writes posts, their revisions, reactions and mentions. */
@Injectable()
export class PostRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(PostEntity) private readonly posts: Repository<PostEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  findByIds(ids: readonly string[]): Promise<PostEntity[]> {
    return this.posts.findBy({ id: In([...ids]) });
  }

  /**
   * Posts of a thread as plain rows (a thread page reads fifty at a time, and
   * hydrating entities cost more than the query); order and paging are the
   * caller's. The Markdown source, as large as the HTML, comes only `withSource`.
   */
  inThread(threadId: string, { reactionsOf, withSource }: { reactionsOf: { viewerId: string | null } | null; withSource: boolean }): SqlList<PostPageRow> {
    // Reactions, when the page shows them: each kind's count and whether the viewer is among them.
    const reactions = reactionsOf
      ? `(SELECT coalesce(json_agg(json_build_object('kind', r.kind, 'count', r.count, 'mine', r.mine) ORDER BY r.kind), '[]')
            FROM (SELECT kind, count(*)::int AS count, coalesce(bool_or(user_id = CAST(:viewerId AS uuid)), false) AS mine
                    FROM post_reaction WHERE post_id = post.id GROUP BY kind) r)`
      : 'NULL';
    return new SqlList<PostPageRow>(
      `${POST_ROW_COLUMNS}${withSource ? ', post.body_source AS "bodySource"' : ''}, (SELECT ${userJsonSql('u')} FROM app_user u WHERE u.id = post.author_id) AS author, ${reactions} AS reactions`,
      'FROM post post WHERE post.thread_id = :threadId',
      { threadId, ...(reactionsOf ? { viewerId: reactionsOf.viewerId } : {}) },
      this.db,
    );
  }

  /** The first post of each thread. */
  async openingPosts(threadIds: readonly string[]): Promise<PostEntity[]> {
    return this.posts
      .createQueryBuilder('post')
      .distinctOn(['post.threadId'])
      .where('post.threadId IN (:...threadIds)', { threadIds })
      .orderBy('post.threadId')
      .addOrderBy('post.createdAt')
      .addOrderBy('post.id')
      .getMany();
  }

  /** A new post with its first revision and mentions. */
  async insert(
    manager: EntityManager,
    post: Pick<PostEntity, 'threadId' | 'authorId' | 'replyToId'> & RenderedBody,
    mentionedUserIds: string[],
  ): Promise<PostEntity> {
    const posts = manager.getRepository(PostEntity);
    const saved = await posts.save(posts.create(post));
    await manager.getRepository(PostRevisionEntity).insert({
      postId: saved.id,
      version: 1,
      bodySource: post.bodySource,
      editorId: post.authorId,
    });
    await this.mention(manager, saved.id, mentionedUserIds);
    return saved;
  }

  /**
   * Replaces the body if the post is still at `version`; returns the new
   * version, or null when someone else edited it first (or it was deleted).
   */
  async edit(manager: EntityManager, id: string, version: number, body: RenderedBody, editorId: string): Promise<number | null> {
    const rows: { version: number }[] = await manager.query(
      `UPDATE post SET body_source = $3, body_html = $4, body_text = $5, language = $6, version = version + 1, edited_at = now()
        WHERE id = $1 AND version = $2 AND deleted_at IS NULL
        RETURNING version`,
      [id, version, body.bodySource, body.bodyHtml, body.bodyText, body.language],
    ).then((result: [{ version: number }[], number]) => result[0]);
    const [updated] = rows;
    if (!updated) return null;
    await manager.getRepository(PostRevisionEntity).insert({
      postId: id,
      version: updated.version,
      bodySource: body.bodySource,
      editorId,
    });
    return updated.version;
  }

  /** Soft delete; false when it was already deleted. */
  async softDelete(manager: EntityManager, id: string, deletedBy: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(PostEntity)
      .set({ deletedAt: () => 'now()', deletedBy })
      .where('id = :id AND deleted_at IS NULL', { id })
      .execute();
    return result.affected === 1;
  }

  async mention(manager: EntityManager, postId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await manager.query(
      `INSERT INTO post_mention (post_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [postId, userIds],
    );
  }

  /** Adds or removes one reaction; true when something changed. */
  async react(postId: string, userId: string, kind: ReactionKind, on: boolean): Promise<boolean> {
    const sql = on
      ? `INSERT INTO post_reaction (post_id, user_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING post_id`
      : `DELETE FROM post_reaction WHERE post_id = $1 AND user_id = $2 AND kind = $3 RETURNING post_id`;
    const result: unknown[] = await this.db.query(sql, [postId, userId, kind]);
    // DELETE … RETURNING comes back as [rows, count].
    return on ? result.length === 1 : (result[1] as number) === 1;
  }

  /** Posts by each author that anyone may read: not deleted, not hidden, outside private communities. */
  async publicCountsByAuthor(authorIds: readonly string[]): Promise<{ authorId: string; count: number }[]> {
    return this.db.query(
      `SELECT p.author_id AS "authorId", count(*)::int AS count
         FROM post p JOIN thread t ON t.id = p.thread_id JOIN community c ON c.id = t.community_id
        WHERE p.author_id = ANY($1::uuid[]) AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND c.visibility <> 'PRIVATE'
          AND t.deleted_at IS NULL AND t.hidden_at IS NULL
        GROUP BY p.author_id`,
      [authorIds],
    );
  }

  /**
   * Reaction counts of these posts, each with those of `viewerIds` who gave
   * it: one statement for a page seen by one person or an event seen by many.
   */
  async reactionCounts(postIds: readonly string[], viewerIds: readonly string[]): Promise<ReactionCount[]> {
    return this.db.query(
      `SELECT post_id AS "postId", kind, count(*)::int AS count,
              coalesce(array_agg(user_id) FILTER (WHERE user_id = ANY($2::uuid[])), '{}') AS "viewerIds"
         FROM post_reaction WHERE post_id = ANY($1::uuid[]) GROUP BY post_id, kind ORDER BY post_id, kind`,
      [postIds, viewerIds],
    );
  }

  /**
   * Empties an earlier version's text for good, in one conditional statement:
   * false when the version is already redacted, is the post's current one
   * (whose text is the post's body), or does not exist.
   */
  async redactRevision(manager: EntityManager, postId: string, version: number, redactorId: string): Promise<boolean> {
    const [, redacted]: [unknown[], number] = await manager.query(
      `UPDATE post_revision r SET body_source = '', redacted_at = now(), redacted_by = $3
         FROM post p
        WHERE r.post_id = $1 AND r.version = $2 AND r.redacted_at IS NULL AND p.id = r.post_id AND r.version < p.version`,
      [postId, version, redactorId],
    );
    return redacted === 1;
  }

  findRevision(postId: string, version: number): Promise<PostRevisionEntity | null> {
    return this.db.getRepository(PostRevisionEntity).findOneBy({ postId, version });
  }

  revisionsOf(postIds: readonly string[]): Promise<PostRevisionEntity[]> {
    return this.db
      .getRepository(PostRevisionEntity)
      .find({ where: { postId: In([...postIds]) }, order: { version: 'DESC' } });
  }
}
