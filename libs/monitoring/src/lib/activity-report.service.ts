import { Injectable } from '@nestjs/common';
import {
  AccessDirectory,
  ActivityRegistry,
  type ActivityQuery,
  type ActivitySection,
  type ActivitySections,
  type RequestContext,
} from '@bottega/core';
import { activityRange, type ActivityRange } from './activity-range';
import { ActivityPeriodUnit } from './activity-report.enums';
import type { ActivityScopeInfo } from './activity-report.model';
import { ActivityReportRepository } from './activity-report.repository';
import { ActivityScopeService, type ScopeFields, type ScopeRequest } from './activity-scope.service';

/** What a report asks, as the query and the CSV route receive it (unchecked). */
export interface ActivityReportRequest {
  scope: ScopeRequest;
  from: unknown;
  to: unknown;
  period?: ActivityPeriodUnit | null;
}

/** Where each part of the request came from, for the errors that name it. */
export interface ActivityReportFields extends ScopeFields {
  from: string[];
  to: string[];
}

export const GRAPHQL_FIELDS: ActivityReportFields = {
  scope: ['scope'],
  territoryId: ['scope', 'territoryId'],
  communityId: ['scope', 'communityId'],
  projectId: ['scope', 'projectId'],
  from: ['from'],
  to: ['to'],
};

/** A report's figures, each section as its contributor counted it (absent when none contributes it). */
export interface ActivityReportValue extends ActivityRange {
  scope: ActivityScopeInfo;
  activeMembers: number;
  sections: { [S in ActivitySection]: ActivitySections[S] | null };
}

const UNITS = { [ActivityPeriodUnit.WEEK]: 'week', [ActivityPeriodUnit.MONTH]: 'month' } as const;

/**
 * The activity report: checks the range, resolves the scope and who may see
 * it, then asks every registered contributor at once (each counts its
 * figures in the database in one statement) and counts the active members
 * across them in one more.
 */
@Injectable()
export class ActivityReportService {
  constructor(
    private readonly scopes: ActivityScopeService,
    private readonly repository: ActivityReportRepository,
    private readonly registry: ActivityRegistry,
    private readonly directory: AccessDirectory,
  ) {}

  async report(context: RequestContext, request: ActivityReportRequest, fields: ActivityReportFields = GRAPHQL_FIELDS): Promise<ActivityReportValue> {
    await context.requireViewer();
    const range = activityRange(request.from, request.to, request.period, fields);
    const { scope, info } = await this.scopes.resolve(context, request.scope, fields);
    const query: ActivityQuery = { scope, from: range.from, to: range.to, period: UNITS[range.period], principals: await this.directory.of(context) };
    const section = <S extends ActivitySection>(name: S): Promise<ActivitySections[S] | null> =>
      this.registry.get(name)?.figures(query) ?? Promise.resolve(null);
    const [forum, practices, exchanges, activeMembers] = await Promise.all([
      section('forum'),
      section('practices'),
      section('exchanges'),
      this.repository.activeMembers(query),
    ]);
    return { ...range, scope: info, activeMembers, sections: { forum, practices, exchanges } };
  }
}
