import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ACTIVITY_SQL,
  ActivityRegistry,
  activityRow,
  inActivityRange,
  type ActivityFigures,
  type ActivityQuery,
  type ActivityScope,
  type PracticeActivity,
} from '@bottega/core';
import { AdoptionOutcome } from './practice-adoption.enums';
import { PRACTICE_AUDIENCE, practiceColumns } from './practice.audience';
import { PracticeStatus } from './practice.enums';

/** The practice `p` is the scope's: in its community, of its project, or placed in one of its territories. */
function practiceInScope(scope: ActivityScope): string {
  switch (scope.kind) {
    case 'COMMUNITY':
      return `p.community_id = ${ACTIVITY_SQL.communityId}`;
    case 'PROJECT':
      return `p.project_id = ${ACTIVITY_SQL.projectId}`;
    case 'TERRITORY':
      return `EXISTS (SELECT 1 FROM practice_territory pt WHERE pt.practice_id = p.id AND pt.territory_id = ANY(${ACTIVITY_SQL.territoryIds}))`;
  }
}

/** The adoption `a` took place in the scope: in one of its territories, or (for a project) by the project. */
function adoptionInScope(scope: ActivityScope): string {
  const territory = `a.territory_id = ANY(${ACTIVITY_SQL.territoryIds})`;
  return scope.kind === 'PROJECT' ? `(a.project_id = ${ACTIVITY_SQL.projectId} OR ${territory})` : territory;
}

/** Practices `p` (its community left-joined as `c`) the reader may read. */
const READABLE = PRACTICE_AUDIENCE.condition(practiceColumns('p', 'c'), ACTIVITY_SQL.principals);
const PUBLISHED = `p.status IN ('${PracticeStatus.PUBLISHED}', '${PracticeStatus.ARCHIVED}') AND ${inActivityRange('p.published_at')}`;
const ADOPTIONS = `SELECT count(*) FROM practice_adoption a JOIN practice p ON p.id = a.practice_id LEFT JOIN community c ON c.id = p.community_id
                    WHERE a.adopted_on BETWEEN ${ACTIVITY_SQL.fromDate} AND ${ACTIVITY_SQL.toDate}
                      AND a.outcome <> '${AdoptionOutcome.ABANDONED}' AND ${READABLE}`;

/** Counts of published practices and of adoptions in and out ("not in the scope" holds where a practice names no community or project). */
function figuresSql(scope: ActivityScope): string {
  // A community without a territory has no "here" for practices to travel to.
  const here = scope.kind === 'COMMUNITY' && scope.territoryIds.length === 0;
  return `
    SELECT (SELECT count(*) FROM practice p LEFT JOIN community c ON c.id = p.community_id
             WHERE ${PUBLISHED} AND ${practiceInScope(scope)} AND ${READABLE})::int AS published,
           ${here ? 'NULL::int' : `(${ADOPTIONS} AND ${adoptionInScope(scope)} AND (${practiceInScope(scope)}) IS NOT TRUE)::int`} AS "adoptedHere",
           (${ADOPTIONS} AND ${practiceInScope(scope)} AND (${adoptionInScope(scope)}) IS NOT TRUE)::int AS "adoptedElsewhere"`;
}

/** The practices' part of the activity report: what was published, and how practices travelled in and out of the scope. */
@Injectable()
export class PracticeActivityContributor implements ActivityFigures<'practices'>, OnModuleInit {
  readonly section = 'practices' as const;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: ActivityRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async figures(query: ActivityQuery): Promise<PracticeActivity> {
    return activityRow<PracticeActivity>(this.db, figuresSql(query.scope), query);
  }

  /** The authors of the practices published in the range. */
  participantsSql(scope: ActivityScope): string {
    return `SELECT pa.user_id FROM practice p JOIN practice_author pa ON pa.practice_id = p.id LEFT JOIN community c ON c.id = p.community_id
             WHERE ${PUBLISHED} AND ${practiceInScope(scope)} AND ${READABLE}`;
  }
}

/** Registers the practices' activity figures with the report. */
@Module({ providers: [PracticeActivityContributor] })
export class PracticeActivityModule {}
