import type { RequestContext } from '@bottega/core';
import type { TerritoryLoaders } from './territory.loaders';
import { Territory } from './territory.model';

type TerritoryRow = Parameters<typeof Territory.from>[0];

/** A territory read as one JSON value inside another feature's statement, in the loader's row shape. */
export type TerritoryJson = Omit<TerritoryRow, 'createdAt'> & { createdAt: string };

/** The territory `alias` as one {@link TerritoryJson} value. */
export const territoryJsonSql = (alias: string): string =>
  `json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'istatCode', ${alias}.istat_code, 'name', ${alias}.name,
     'level', ${alias}.level, 'parentId', ${alias}.parent_id, 'path', ${alias}.path::text, 'createdAt', ${alias}.created_at)`;

const territoryRowOf = (json: TerritoryJson): TerritoryRow => ({ ...json, createdAt: new Date(json.createdAt) });

/** The territory read with {@link territoryJsonSql}, as the API shows it. */
export const territoryOf = (json: TerritoryJson | null): Territory | null => (json ? Territory.from(territoryRowOf(json)) : null);

/** Hands territories read with {@link territoryJsonSql} to this request's territory loader. */
export function primeTerritories(context: RequestContext, loaders: TerritoryLoaders, territories: readonly (TerritoryJson | null)[]): void {
  const byId = context.loaders.get(loaders.byId);
  for (const territory of territories) if (territory) byId.prime(territory.id, territoryRowOf(territory));
}
