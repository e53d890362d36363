import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, BadInputError, RequestContextFactory, sendAppError } from '@bottega/core';
import { activityCsv, activityCsvFileName, csvLanguage } from './activity-report.csv';
import { ActivityPeriodUnit } from './activity-report.enums';
import { toModel } from './activity-report.resolver';
import { ActivityReportService, type ActivityReportFields } from './activity-report.service';

const QUERY_FIELDS: ActivityReportFields = {
  scope: ['query'],
  territoryId: ['query', 'territoryId'],
  communityId: ['query', 'communityId'],
  projectId: ['query', 'projectId'],
  from: ['query', 'from'],
  to: ['query', 'to'],
};

/** A query string parameter given at most once. */
function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || typeof value === 'string') return value;
  throw new BadInputError(`Give "${name}" once.`, ['query', name]);
}

function period(value: string | undefined): ActivityPeriodUnit | null {
  if (value === undefined) return null;
  const unit = value.trim().toUpperCase();
  if (unit === ActivityPeriodUnit.WEEK || unit === ActivityPeriodUnit.MONTH) return unit;
  throw new BadInputError('The period is "week" or "month".', ['query', 'period']);
}

/**
 * The activity report as a CSV file, for spreadsheets:
 * `GET /reports/activity.csv?territoryId=…&from=2025-01-01&to=2025-12-31`
 * (or `communityId`, `projectId`; `period=week|month`; `lang=it|en`, else
 * Accept-Language), with the access token in `Authorization: Bearer …`.
 * Who may download it, and what it counts, are the `activityReport` query's;
 * a refusal is that query's error, with its HTTP status, in GraphQL's shape.
 */
@Controller('reports')
export class ActivityReportController {
  constructor(
    private readonly contexts: RequestContextFactory,
    private readonly service: ActivityReportService,
  ) {}

  @Get('activity.csv')
  async csv(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = (request.query ?? {}) as Record<string, unknown>;
    try {
      const context = this.contexts.forHttp(request);
      await context.requireViewer();
      const language = csvLanguage(single(query, 'lang'), request.headers['accept-language']);
      if (!language) throw new BadInputError('The language is "it" or "en".', ['query', 'lang']);
      const value = await this.service.report(
        context,
        {
          scope: { territoryId: single(query, 'territoryId'), communityId: single(query, 'communityId'), projectId: single(query, 'projectId') },
          from: single(query, 'from'),
          to: single(query, 'to'),
          period: period(single(query, 'period')),
        },
        QUERY_FIELDS,
      );
      const report = toModel(value);
      await reply
        .status(200)
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${activityCsvFileName(report, language)}"`)
        .header('cache-control', 'private, no-store')
        .header('vary', 'Authorization, Accept-Language')
        .send(activityCsv(report, language));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await sendAppError(reply, error);
    }
  }
}
