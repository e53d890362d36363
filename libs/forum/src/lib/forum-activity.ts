import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ACTIVITY_PERIODS_SQL,
  ACTIVITY_SQL,
  ActivityRegistry,
  Audience,
  activityRow,
  activityPeriodOf,
  inActivityRange,
  type ActivityFigures,
  type ActivityQuery,
  type ActivityScope,
  type ForumActivity,
  type ForumActivityPeriod,
} from '@bottega/core';
import { POST_AUDIENCE, THREAD_AUDIENCE, threadColumns, type PostFacts } from './threads/thread.audience';
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

/**
 * What a post's audience adds to its thread's (hidden, deleted): the posts
 * counted belong to threads of `scoped`, already in their thread's audience,
 * so only these clauses are left to decide per post.
 */
const POST_OWN_AUDIENCE = (() => {
  const inherited = THREAD_AUDIENCE.clauses.length;
  if (!THREAD_AUDIENCE.clauses.every((clause, index) => POST_AUDIENCE.clauses[index] === clause)) {
    throw new Error("A post's audience no longer starts with its thread's");
  }
  return new Audience<PostFacts>(POST_AUDIENCE.clauses.slice(inherited));
})();

/** The reader may read the post `post` of the thread `thread` of `scoped`. */
const readablePost = (post: string, thread: string): string =>
  POST_OWN_AUDIENCE.condition(
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
 * posts the reader may read. Each thread's posts are read once, per thread
 * from `post_activity_idx` (the monitoring library's, which carries what the
 * audience needs, so no post row is visited): those of the range, and for a
 * thread started in it the later ones too, since its first reply may come
 * after the range. They are counted in the same pass by period and by thread
 * (grouping sets), never kept; per thread rather than joined, so that the plan
 * does not depend on the planner's guess at how many rows the audience's
 * conditions keep.
 */
function figuresSql(scope: ActivityScope): string {
  return `
    WITH scoped AS MATERIALIZED (${scopedThreadsSql(scope, true)}),
    written AS (
      SELECT p.thread_id, t.created_at AS thread_created_at, p.created_at, p.id = t.opening_id AS opening,
             p.id <> t.opening_id AND p.author_id IS DISTINCT FROM t.author_id AS reply_by_other,
             CASE WHEN p.created_at < ${ACTIVITY_SQL.end} THEN ${activityPeriodOf('p.created_at')} END AS period
        FROM scoped t JOIN post p ON p.thread_id = t.id
       WHERE p.created_at >= ${ACTIVITY_SQL.start} AND (p.created_at < ${ACTIVITY_SQL.end} OR ${inActivityRange('t.created_at')})
         AND ${readablePost('p', 't')}),
    counted AS MATERIALIZED (
      SELECT GROUPING(period) = 1 AS per_thread, period, thread_created_at,
             count(*) AS posts, count(*) FILTER (WHERE NOT opening) AS replies,
             min(created_at) FILTER (WHERE reply_by_other) - thread_created_at AS wait
        FROM written
       GROUP BY GROUPING SETS ((period), (thread_id, thread_created_at))),
    started AS MATERIALIZED (
      SELECT ${activityPeriodOf('t.created_at')} AS period, t.kind = ${QUESTION} AS question,
             (SELECT a.created_at FROM post a WHERE a.id = t.accepted_post_id AND a.deleted_at IS NULL) - t.created_at AS answered_after
        FROM scoped t
       WHERE ${inActivityRange('t.created_at')}),
    thread_periods AS (
      SELECT period AS starts, count(*) AS threads, count(*) FILTER (WHERE question) AS asked,
             count(*) FILTER (WHERE question AND answered_after IS NOT NULL) AS answered,
             count(*) FILTER (WHERE question AND answered_after <= interval '48 hours') AS answered_soon
        FROM started GROUP BY 1),
    periods AS (
      SELECT pr.starts, pr.ends, coalesce(tp.threads, 0) AS threads, coalesce(pp.posts, 0) AS posts, coalesce(pp.replies, 0) AS replies,
             coalesce(tp.asked, 0) AS asked, coalesce(tp.answered, 0) AS answered, coalesce(tp.answered_soon, 0) AS answered_soon
        FROM (${ACTIVITY_PERIODS_SQL}) pr
        LEFT JOIN thread_periods tp USING (starts)
        LEFT JOIN (SELECT period AS starts, posts, replies FROM counted WHERE NOT per_thread AND period IS NOT NULL) pp USING (starts))
    SELECT sum(threads)::int AS threads, sum(posts)::int AS posts, sum(replies)::int AS replies,
           sum(asked)::int AS "questionsAsked", sum(answered)::int AS "questionsAnswered",
           sum(answered_soon)::int AS "questionsAnsweredWithin48Hours",
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM wait)) / 3600 FROM counted
             WHERE per_thread AND wait IS NOT NULL AND ${inActivityRange('thread_created_at')}) AS "medianHoursToFirstReply",
           coalesce(json_agg(json_build_object('starts', starts, 'ends', ends, 'threads', threads, 'posts', posts,
                                               'questionsAsked', asked, 'questionsAnswered', answered) ORDER BY starts), '[]'::json) AS periods
      FROM periods`;
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
    const row = await activityRow<Omit<ForumActivity, 'medianHoursToFirstReply'> & { medianHoursToFirstReply: number | string | null; periods: ForumActivityPeriod[] }>(
      this.db,
      figuresSql(query.scope),
      query,
    );
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
