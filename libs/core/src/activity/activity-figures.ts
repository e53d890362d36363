import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Principals } from '../access/principals';

/** The time zone an activity report's days are counted in. */
export const ACTIVITY_TIME_ZONE = 'Europe/Rome';

export type ActivityScopeKind = 'TERRITORY' | 'COMMUNITY' | 'PROJECT';

/**
 * What a report covers, resolved to what contributors match. Content is in
 * the scope when: for a community, it belongs to the community; for a
 * project, it names the project, or (for content that cannot name one, such
 * as threads) lies in one of the project's territories; for a territory, it
 * lies in one of `territoryIds`.
 */
export interface ActivityScope {
  readonly kind: ActivityScopeKind;
  /**
   * The territory's, the project's or the community's territories, each with
   * every territory below it; empty for a community that has no territory.
   */
  readonly territoryIds: readonly string[];
  readonly communityId: string | null;
  readonly projectId: string | null;
}

/** How the report's series is cut: calendar weeks (from Monday) or months, in {@link ACTIVITY_TIME_ZONE}. */
export type ActivityPeriodUnit = 'week' | 'month';

/** One report's question to every contributor. */
export interface ActivityQuery {
  readonly scope: ActivityScope;
  /** First day of the range, YYYY-MM-DD, in {@link ACTIVITY_TIME_ZONE}. */
  readonly from: string;
  /** Last day of the range, included. */
  readonly to: string;
  readonly period: ActivityPeriodUnit;
  /** The reader's principals: figures count only what their audience lets this reader read. */
  readonly principals: Principals;
}

const zone = `'${ACTIVITY_TIME_ZONE}'`;

/**
 * The parameters every contributor's statement is written against, in the
 * order of {@link activityParameters} (run it as {@link activityStatement}). One list for every contributor, so
 * that their fragments can be put in one statement (the active members).
 */
export const ACTIVITY_SQL = {
  /** `uuid[]`: {@link ActivityScope.territoryIds}. */
  territoryIds: '$1::uuid[]',
  communityId: '$2::uuid',
  projectId: '$3::uuid',
  /** `date`: the first day. */
  fromDate: '$4::date',
  /** `date`: the last day, included. */
  toDate: '$5::date',
  /** `text[]`: the reader's principals, for `Audience.condition(columns, ACTIVITY_SQL.principals)`. */
  principals: '$6::text[]',
  /** The first instant of the range. */
  start: `($4::date::timestamp AT TIME ZONE ${zone})`,
  /** The first instant after the range. */
  end: `(($5::date + 1)::timestamp AT TIME ZONE ${zone})`,
  /** `text`: `week` or `month`. */
  period: '$7::text',
} as const;

/** The values of {@link ACTIVITY_SQL}'s parameters for a query. */
export function activityParameters(query: ActivityQuery): unknown[] {
  return [
    [...query.scope.territoryIds],
    query.scope.communityId,
    query.scope.projectId,
    query.from,
    query.to,
    [...query.principals.list],
    query.period,
  ];
}

/**
 * A contributor's statement, ready to run with {@link activityParameters}:
 * every parameter is typed once up front, so a statement need not use them all.
 */
export const activityStatement = (sql: string): string =>
  `WITH activity_parameters AS (SELECT $1::uuid[], $2::uuid, $3::uuid, $4::date, $5::date, $6::text[], $7::text)
   SELECT * FROM (${sql}) figures`;

/** Runs a contributor's statement (its one row of figures) for the report's question. */
export async function activityRow<T>(db: DataSource, sql: string, query: ActivityQuery): Promise<T> {
  const [row]: T[] = await db.query(activityStatement(sql), activityParameters(query));
  if (!row) throw new Error('An activity figures statement returned no row');
  return row;
}

/** SQL condition: the instant `timestampSql` falls in the range. */
export const inActivityRange = (timestampSql: string): string =>
  `(${timestampSql} >= ${ACTIVITY_SQL.start} AND ${timestampSql} < ${ACTIVITY_SQL.end})`;

/** SQL: the first day of the period (clipped to the range) that the instant `timestampSql` falls in. */
export const activityPeriodOf = (timestampSql: string): string =>
  `greatest(date_trunc(${ACTIVITY_SQL.period}, (${timestampSql}) AT TIME ZONE ${zone})::date, ${ACTIVITY_SQL.fromDate})`;

/** SQL relation `(starts date, ends date)`: every period of the range, in order, the first and last clipped to it. */
export const ACTIVITY_PERIODS_SQL = `SELECT greatest(g::date, ${ACTIVITY_SQL.fromDate}) AS starts,
       least((g + ('1 ' || ${ACTIVITY_SQL.period})::interval)::date - 1, ${ACTIVITY_SQL.toDate}) AS ends
  FROM generate_series(date_trunc(${ACTIVITY_SQL.period}, ${ACTIVITY_SQL.fromDate}::timestamp), ${ACTIVITY_SQL.toDate}::timestamp,
                       ('1 ' || ${ACTIVITY_SQL.period})::interval) g`;

/** One period of the forum's series. */
export interface ForumActivityPeriod {
  /** YYYY-MM-DD, first and last day (included). */
  starts: string;
  ends: string;
  threads: number;
  posts: number;
  questionsAsked: number;
  questionsAnswered: number;
}

/** The forum's part: threads and posts the reader may read. */
export interface ForumActivity {
  /** Threads started in the range. */
  threads: number;
  /** Posts written in the range, opening posts included. */
  posts: number;
  /** Of those, the posts that answer a thread (all but opening posts). */
  replies: number;
  /** Questions asked in the range, and how many of them have an accepted answer. */
  questionsAsked: number;
  questionsAnswered: number;
  /** Questions asked in the range whose accepted answer was written within 48 hours of the question. */
  questionsAnsweredWithin48Hours: number;
  /** Median, over threads started in the range that had one, of the time from the opening to the first reply by someone else; null without any. */
  medianHoursToFirstReply: number | null;
  periods: ForumActivityPeriod[];
}

/** The practices' part: practices and stories the reader may read. */
export interface PracticeActivity {
  /** Published in the range. */
  published: number;
  /** Adoptions recorded in the range (taken up in the range, not abandoned) in the scope's territories (or by its project) of practices from outside it; null when the scope has no territory. */
  adoptedHere: number | null;
  /** Adoptions in the range of the scope's practices outside its territories. */
  adoptedElsewhere: number;
}

/** The peer exchanges' part, counted by the exchanges library when it contributes. */
export interface ExchangeActivity {
  /** Exchanges that took place in the range (completed, not cancelled). */
  held: number;
  /** Distinct people who attended them. */
  participants: number;
  /** Registrations marked ATTENDED and NO_SHOW at them: the attendance rate is attended / (attended + noShows). */
  attended: number;
  noShows: number;
  /** Feedback given on them: how many, and the average rating (1-5), null without any. */
  feedbackCount: number;
  averageFeedback: number | null;
}

/** Each section of a report and the figures its contributor gives. */
export interface ActivitySections {
  forum: ForumActivity;
  practices: PracticeActivity;
  exchanges: ExchangeActivity;
}

export type ActivitySection = keyof ActivitySections;

/**
 * A feature's part of the activity report. It counts in the database, in one
 * statement (or very few) written against {@link ACTIVITY_SQL}'s parameters,
 * only what the query's reader may read: each row it counts passes its
 * audience's condition (`AUDIENCE.condition(columns, ACTIVITY_SQL.principals)`).
 */
export interface ActivityFigures<S extends ActivitySection = ActivitySection> {
  readonly section: S;
  figures(query: ActivityQuery): Promise<ActivitySections[S]>;
  /**
   * A SELECT of one column, `user_id`, against {@link ACTIVITY_SQL}'s
   * parameters: the people who took part in the range in the scope (wrote,
   * published, attended), in what the reader may read. The report counts the
   * distinct people of every contributor's fragment in one statement.
   */
  participantsSql(scope: ActivityScope): string;
}

/** The registered contributors; features register theirs at start-up, the report asks them all. */
@Injectable()
export class ActivityRegistry {
  private readonly contributors = new Map<ActivitySection, ActivityFigures>();

  register<S extends ActivitySection>(contributor: ActivityFigures<S>): void {
    if (this.contributors.has(contributor.section)) throw new Error(`Activity figures for ${contributor.section} are already registered`);
    this.contributors.set(contributor.section, contributor as unknown as ActivityFigures);
  }

  get<S extends ActivitySection>(section: S): ActivityFigures<S> | undefined {
    return this.contributors.get(section) as ActivityFigures<S> | undefined;
  }

  all(): ActivityFigures[] {
    return [...this.contributors.values()];
  }

  /** The statement counting the distinct people of every contributor ({@link ActivityFigures.participantsSql}), as `count`. */
  participantsSql(scope: ActivityScope): string | null {
    const parts = this.all().map((contributor) => `(${contributor.participantsSql(scope)})`);
    if (parts.length === 0) return null;
    // DISTINCT rather than count(DISTINCT …), which always sorts: a hash of a few thousand people is cheaper than sorting every post's author.
    return activityStatement(
      `SELECT count(*)::int AS count FROM (SELECT DISTINCT user_id FROM (${parts.join(' UNION ALL ')}) taking_part(user_id) WHERE user_id IS NOT NULL) people`,
    );
  }
}
