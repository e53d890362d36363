import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NodeRegistry } from '@bottega/core';
import { TerritoryEntity } from './territories/territory.entity';
import { TerritoryLoaders } from './territories/territory.loaders';
import { Territory } from './territories/territory.model';
import { TerritoryRepository } from './territories/territory.repository';
import { TerritoryResolver } from './territories/territory.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([TerritoryEntity])],
  providers: [TerritoryRepository, TerritoryLoaders, TerritoryResolver],
  exports: [TerritoryLoaders],
})
export class TerritoriesModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly territoryLoaders: TerritoryLoaders,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Territory', Territory, async (ids, context) =>
      (await context.loaders.get(this.territoryLoaders.byId).loadMany(ids)).map((t) =>
        t && !(t instanceof Error) ? Territory.from(t) : null,
      ),
    );
  }
}
