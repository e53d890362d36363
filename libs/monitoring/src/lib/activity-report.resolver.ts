import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import {
  ActivityPeriod,
  ActivityReport,
  ExchangeActivityFigures,
  ForumActivityFigures,
  PracticeActivityFigures,
} from './activity-report.model';
import { ActivityReportService, type ActivityReportValue } from './activity-report.service';
import { ActivityReportArgs } from './dto/activity-report.args';

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

@Resolver()
export class ActivityReportResolver {
  constructor(private readonly service: ActivityReportService) {}

  @Query(() => ActivityReport, {
    description:
      'Activity figures for a territory (with those below it), a community or a project over a range of days: for coordinators of the scope, its project’s team and staff. Counts only what the viewer may read.',
  })
  async activityReport(@Args() args: ActivityReportArgs, @Context() context: RequestContext): Promise<ActivityReport> {
    return toModel(await this.service.report(context, args));
  }
}

/** The report as the API shows it: counts as counted, shares worked out from them. */
export function toModel(value: ActivityReportValue): ActivityReport {
  const { forum, practices, exchanges } = value.sections;
  return Object.assign(new ActivityReport(), {
    scope: value.scope,
    from: value.from,
    to: value.to,
    period: value.period,
    activeMembers: value.activeMembers,
    forum:
      forum &&
      Object.assign(new ForumActivityFigures(), {
        threads: forum.threads,
        posts: forum.posts,
        replies: forum.replies,
        questionsAsked: forum.questionsAsked,
        questionsAnswered: forum.questionsAnswered,
        questionsAnsweredWithin48Hours: forum.questionsAnsweredWithin48Hours,
        answeredWithin48HoursShare: share(forum.questionsAnsweredWithin48Hours, forum.questionsAsked),
        medianHoursToFirstReply: forum.medianHoursToFirstReply,
      }),
    practices: practices && Object.assign(new PracticeActivityFigures(), practices),
    exchanges:
      exchanges &&
      Object.assign(new ExchangeActivityFigures(), {
        ...exchanges,
        attendanceRate: share(exchanges.attended, exchanges.attended + exchanges.noShows),
      }),
    periods: (forum?.periods ?? []).map((period) =>
      Object.assign(new ActivityPeriod(), { ...period, answeredShare: share(period.questionsAnswered, period.questionsAsked) }),
    ),
  });
}
