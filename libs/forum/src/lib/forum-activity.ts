import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ACTIVITY_PERIODS_SQL,
  ACTIVITY_SQL,
  ActivityRegistry,
  activityParameters,
  activityStatement,
  activityPeriodOf,
  inActivityRange,
  type ActivityFigures,
  type ActivityQuery,
  type ActivityScope,
  type ForumActivity,
  type ForumActivityPeriod,
} from '@bottega/core';
import { POST_AUDIENCE, THREAD_AUDIENCE, threadColumns } from './threads/thread.audience';
import { ThreadKind } from './threads/thread.enums';

/**
 * The threads of the scope (any time) the reader may read, with their facts
 * (and their opening post when asked):
 * those of a community; or those whose community lies in the scope's
 * territories, or that name one of them. Threads name no project, so a
 * project's are those of its territories.
 */
function scopedThreadsSql(scope: ActivityScope, withOpening: boolean): string {
  const inScope =
    scope.kind === 'COMMUNITY'
      ? `t.community_id = ${ACTIVITY_SQL.communityId}`
      : `t.id IN (SELECT st.id FROM thread st JOIN community sc ON sc.id = st.community_id WHERE sc.territory_id = ANY(${ACTIVITY_SQL.territoryIds})
                  UNION SELECT tt.thread_id FROM thread_territory tt WHERE tt.territory_id = ANY(${ACTIVITY_SQL.territoryIds}))`;
  const opening = withOpening ? `, (SELECT o.id FROM post o WHERE o.thread_id = t.id ORDER BY o.created_at, o.id LIMIT 1) AS opening_id` : '';
  return `SELECT t.id, t.kind, t.author_id, t.created_at, t.accepted_post_id, t.community_id, c.visibility, t.hidden_at, t.deleted_at${opening}
            FROM thread t JOIN community c ON c.id = t.community_id
           WHERE ${inScope} AND ${THREAD_AUDIENCE.condition(threadColumns('t', 'c'), ACTIVITY_SQL.principals)}`;
}

/** A post's facts, in a thread of `scoped` (whose rows carry their community's visibility). */
const readablePost = (post: string, thread: string): string =>
  POST_AUDIENCE.condition(
    {
      ...threadColumns(thread, thread),
      postAuthorId: `${post}.author_id`,
      postHidden: `${post}.hidden_at IS NOT NULL`,
      postDeleted: `${post}.deleted_at IS NOT NULL`,
    },
    ACTIVITY_SQL.principals,
  );

const QUESTION = `'${ThreadKind.QUESTION}'`;

/**
 * The forum's figures in one statement: every count is over threads and
 * posts the reader may read. Posts are read per thread from
 * `post_activity_idx` (the monitoring library's, which carries what the
 * audience needs, so no post row is visited): the range's, then for each
 * thread started in it the first reply by someone else. Per thread rather
 * than joined, so that the plan does not depend on the planner's guess at
 * how many rows the audience's conditions keep.
 */
function figuresSql(scope: ActivityScope): string {
  return `
    WITH scoped AS MATERIALIZED (${scopedThreadsSql(scope, true)}),
    posts AS MATERIALIZED (
      SELECT p.created_at, p.id = t.opening_id AS opening
        FROM scoped t JOIN post p ON p.thread_id = t.id
       WHERE ${inActivityRange('p.created_at')} AND ${readablePost('p', 't')}),
    started AS MATERIALIZED (
      SELECT t.created_at, t.kind = ${QUESTION} AS question,
             (SELECT min(r.created_at) FROM post r
               WHERE r.thread_id = t.id AND r.id <> t.opening_id AND r.author_id IS DISTINCT FROM t.author_id
                 AND ${readablePost('r', 't')}) AS first_reply_at,
             (SELECT a.created_at FROM post a WHERE a.id = t.accepted_post_id AND a.deleted_at IS NULL) AS answered_at
        FROM scoped t
       WHERE ${inActivityRange('t.created_at')}),
    thread_periods AS (
      SELECT ${activityPeriodOf('created_at')} AS starts, count(*) AS threads,
             count(*) FILTER (WHERE question) AS asked, count(*) FILTER (WHERE question AND answered_at IS NOT NULL) AS answered
        FROM started GROUP BY 1),
    post_periods AS (SELECT ${activityPeriodOf('created_at')} AS starts, count(*) AS posts FROM posts GROUP BY 1)
    SELECT (SELECT count(*) FROM started)::int AS threads,
           (SELECT count(*) FROM posts)::int AS posts,
           (SELECT count(*) FILTER (WHERE NOT opening) FROM posts)::int AS replies,
           (SELECT count(*) FILTER (WHERE question) FROM started)::int AS "questionsAsked",
           (SELECT count(*) FILTER (WHERE question AND answered_at IS NOT NULL) FROM started)::int AS "questionsAnswered",
           (SELECT count(*) FILTER (WHERE question AND answered_at <= created_at + interval '48 hours') FROM started)::int
             AS "questionsAnsweredWithin48Hours",
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - created_at)) / 3600
              FROM started WHERE first_reply_at IS NOT NULL) AS "medianHoursToFirstReply",
           (SELECT coalesce(json_agg(json_build_object(
                     'starts', pr.starts, 'ends', pr.ends, 'threads', coalesce(tp.threads, 0), 'posts', coalesce(pp.posts, 0),
                     'questionsAsked', coalesce(tp.asked, 0), 'questionsAnswered', coalesce(tp.answered, 0)) ORDER BY pr.starts), '[]'::json)
              FROM (${ACTIVITY_PERIODS_SQL}) pr
              LEFT JOIN thread_periods tp USING (starts)
              LEFT JOIN post_periods pp USING (starts)) AS periods`;
}

/** The forum's part of the activity report: threads, posts, questions and how soon they were answered. */
@Injectable()
export class ForumActivityContributor implements ActivityFigures<'forum'>, OnModuleInit {
  readonly section = 'forum' as const;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: ActivityRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async figures(query: ActivityQuery): Promise<ForumActivity> {
    const [row]: (Omit<ForumActivity, 'medianHoursToFirstReply'> & { medianHoursToFirstReply: number | string | null; periods: ForumActivityPeriod[] })[] =
      await this.db.query(activityStatement(figuresSql(query.scope)), activityParameters(query));
    if (!row) throw new Error('The forum figures statement returned no row');
    const median = row.medianHoursToFirstReply;
    return { ...row, medianHoursToFirstReply: median === null ? null : Number(median) };
  }

  participantsSql(scope: ActivityScope): string {
    return `SELECT p.author_id FROM (${scopedThreadsSql(scope, false)}) t JOIN post p ON p.thread_id = t.id
             WHERE ${inActivityRange('p.created_at')} AND p.author_id IS NOT NULL AND ${readablePost('p', 't')}`;
  }
}

/** Registers the forum's activity figures with the report. */
@Module({ providers: [ForumActivityContributor] })
export class ForumActivityModule {}
