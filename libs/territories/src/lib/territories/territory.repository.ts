import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository, type SelectQueryBuilder } from 'typeorm';
import { TerritoryEntity } from './territory.entity';
import type { TerritoryLevel } from './territory.enums';

export interface TerritoryFilter {
  /** Only this territory and those below it. */
  withinId?: string | null;
  level?: TerritoryLevel | null;
  namePrefix?: string | null;
}

/** Escapes LIKE wildcards so a user's prefix matches literally. */
export function likePrefix(prefix: string): string {
  return `${prefix.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The only code that reads territories. */
@Injectable()
export class TerritoryRepository {
  constructor(@InjectRepository(TerritoryEntity) private readonly territories: Repository<TerritoryEntity>) {}

  findByIds(ids: readonly string[]): Promise<TerritoryEntity[]> {
    return this.territories.findBy({ id: In([...ids]) });
  }

  findByCode(code: string): Promise<TerritoryEntity | null> {
    return this.territories.findOneBy({ code: code.trim().toUpperCase() });
  }

  async childrenOf(parentIds: readonly string[]): Promise<TerritoryEntity[]> {
    return this.territories
      .createQueryBuilder('territory')
      .where('territory.parentId IN (:...parentIds)', { parentIds })
      .orderBy('territory.name')
      .getMany();
  }

  /** Ancestors of each territory, from the region down, tagged with the territory they belong to. */
  async ancestorsOf(ids: readonly string[]): Promise<{ territoryId: string; ancestor: TerritoryEntity }[]> {
    const rows: (TerritoryRow & { territory_id: string })[] = await this.territories.query(
      `SELECT child.id AS territory_id, a.id, a.code, a.istat_code, a.name, a.level, a.parent_id,
              a.path::text AS path, a.created_at
         FROM territory child
         JOIN territory a ON a.path @> child.path AND a.id <> child.id
        WHERE child.id = ANY($1)
        ORDER BY nlevel(a.path)`,
      [ids],
    );
    return rows.map((row) => ({ territoryId: row.territory_id, ancestor: fromRow(row) }));
  }

  /** Filtered territories; ordering and paging are left to the caller. */
  query(filter: TerritoryFilter): SelectQueryBuilder<TerritoryEntity> {
    const query = this.territories.createQueryBuilder('territory');
    if (filter.withinId) {
      query.andWhere('territory.path <@ (SELECT path FROM territory WHERE id = :withinId)', {
        withinId: filter.withinId,
      });
    }
    if (filter.level) query.andWhere('territory.level = :level', { level: filter.level });
    if (filter.namePrefix?.trim()) {
      query.andWhere("lower(territory.name) LIKE :prefix ESCAPE '\\'", { prefix: likePrefix(filter.namePrefix) });
    }
    return query;
  }
}

/** SQL condition "`column` is the territory `:parameter` or one below it", for other libraries' queries. */
export function territoryWithinSql(column: string, parameter: string): string {
  return `${column} IN (SELECT id FROM territory WHERE path <@ (SELECT path FROM territory WHERE id = :${parameter}))`;
}

interface TerritoryRow {
  id: string;
  code: string;
  istat_code: string | null;
  name: string;
  level: TerritoryLevel;
  parent_id: string | null;
  path: string;
  created_at: Date;
}

function fromRow(row: TerritoryRow): TerritoryEntity {
  return Object.assign(new TerritoryEntity(), {
    id: row.id,
    code: row.code,
    istatCode: row.istat_code,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    path: row.path,
    createdAt: row.created_at,
  });
}
