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
  type ExchangeActivity,
} from '@bottega/core';
import { EXCHANGE_AUDIENCE, exchangeColumns } from './exchange.audience';
import { ExchangeStatus } from './exchange.enums';

/** The exchange `e` is the scope's: hosted in one of its territories, by its community, or by its project. */
function exchangeInScope(scope: ActivityScope): string {
  switch (scope.kind) {
    case 'COMMUNITY':
      return `e.host_community_id = ${ACTIVITY_SQL.communityId}`;
    case 'PROJECT':
      return `e.host_project_id = ${ACTIVITY_SQL.projectId}`;
    case 'TERRITORY':
      return `e.host_territory_id = ANY(${ACTIVITY_SQL.territoryIds})`;
  }
}

/**
 * Exchanges `e` (their community joined as `ec`) of the scope that took
 * place in the range (they started in it, and are completed, or ended and
 * were neither drafts nor cancelled) and that the reader may read.
 */
function heldSql(scope: ActivityScope): string {
  return `SELECT e.id FROM peer_exchange e JOIN community ec ON ec.id = e.host_community_id
           WHERE ${exchangeInScope(scope)} AND ${inActivityRange('e.starts_at')}
             AND (e.status = '${ExchangeStatus.COMPLETED}'
                  OR (e.status IN ('${ExchangeStatus.OPEN}', '${ExchangeStatus.CLOSED}') AND e.ends_at <= now()))
             AND ${EXCHANGE_AUDIENCE.condition(exchangeColumns('e', 'ec'), ACTIVITY_SQL.principals)}`;
}

function figuresSql(scope: ActivityScope): string {
  return `
    WITH held AS MATERIALIZED (${heldSql(scope)}),
    attendance AS (
      SELECT count(*) FILTER (WHERE r.status = 'ATTENDED')::int AS attended, count(*) FILTER (WHERE r.status = 'NO_SHOW')::int AS "noShows",
             count(DISTINCT r.user_id) FILTER (WHERE r.status = 'ATTENDED')::int AS participants
        FROM held h JOIN peer_exchange_registration r ON r.exchange_id = h.id AND r.status IN ('ATTENDED', 'NO_SHOW')),
    feedback AS (
      SELECT count(*)::int AS "feedbackCount", avg(f.rating)::float8 AS "averageFeedback" FROM held h JOIN peer_exchange_feedback f ON f.exchange_id = h.id)
    SELECT (SELECT count(*)::int FROM held) AS held, a.participants, a.attended, a."noShows", f."feedbackCount", f."averageFeedback"
      FROM attendance a, feedback f`;
}

/** The peer exchanges' part of the activity report: exchanges held, who attended, who did not show up, how they were rated. */
@Injectable()
export class ExchangeActivityContributor implements ActivityFigures<'exchanges'>, OnModuleInit {
  readonly section = 'exchanges' as const;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: ActivityRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async figures(query: ActivityQuery): Promise<ExchangeActivity> {
    return activityRow<ExchangeActivity>(this.db, figuresSql(query.scope), query);
  }

  /** Those who attended the exchanges held. */
  participantsSql(scope: ActivityScope): string {
    return `SELECT r.user_id FROM (${heldSql(scope)}) h JOIN peer_exchange_registration r ON r.exchange_id = h.id WHERE r.status = 'ATTENDED'`;
  }
}

/** Registers the peer exchanges' activity figures with the report. */
@Module({ providers: [ExchangeActivityContributor] })
export class ExchangeActivityModule {}
