import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ActivityRegistry, activityParameters, type ActivityQuery } from '@bottega/core';
import { territoryWithinSql } from '@bottega/territories';

/** The report's own statements; the figures are each contributor's. */
@Injectable()
export class ActivityReportRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: ActivityRegistry,
  ) {}

  /** The territories `rootIds` with every territory below them, in one statement. */
  async within(rootIds: readonly string[]): Promise<string[]> {
    if (rootIds.length === 0) return [];
    const query = this.db.createQueryBuilder().select('territory.id', 'id').from('territory', 'territory');
    rootIds.forEach((id, index) => query.orWhere(territoryWithinSql('territory.id', `root${index}`), { [`root${index}`]: id }));
    return (await query.getRawMany<{ id: string }>()).map((row) => row.id);
  }

  /** Distinct people who took part, over every contributor, in one statement. */
  async activeMembers(query: ActivityQuery): Promise<number> {
    const sql = this.registry.participantsSql(query.scope);
    if (!sql) return 0;
    const [row]: { count: number }[] = await this.db.query(sql, activityParameters(query));
    return row?.count ?? 0;
  }
}
