import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys, groupByKeys } from '@bottega/core';
import type { TerritoryEntity } from './territory.entity';
import { TerritoryRepository } from './territory.repository';

@Injectable()
export class TerritoryLoaders {
  readonly byId: LoaderFactory<string, TerritoryEntity | null>;
  readonly childrenOf: LoaderFactory<string, TerritoryEntity[]>;
  readonly ancestorsOf: LoaderFactory<string, TerritoryEntity[]>;

  constructor(territories: TerritoryRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await territories.findByIds(ids), (t) => t.id));
    this.childrenOf = new LoaderFactory(async (ids) =>
      groupByKeys(ids, await territories.childrenOf(ids), (t) => t.parentId ?? ''),
    );
    this.ancestorsOf = new LoaderFactory(async (ids) =>
      groupByKeys(ids, await territories.ancestorsOf(ids), (row) => row.territoryId).map((rows) =>
        rows.map((row) => row.ancestor),
      ),
    );
  }
}
