import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { fromGlobalId, paginate, type ConnectionValue, type RequestContext } from '@bottega/core';
import { TerritoriesArgs } from './dto/territories.args';
import { TerritoryLoaders } from './territory.loaders';
import { Territory, TerritoryConnection } from './territory.model';
import { TerritoryRepository } from './territory.repository';

@Resolver(() => Territory)
export class TerritoryResolver {
  constructor(
    private readonly repository: TerritoryRepository,
    private readonly loaders: TerritoryLoaders,
  ) {}

  @Query(() => TerritoryConnection, { description: 'Territories by name, optionally within one, at a level or by name prefix.' })
  territories(@Args() args: TerritoriesArgs): Promise<ConnectionValue<Territory>> {
    const { filter } = args;
    const query = this.repository.query({
      withinId: filter?.within ? fromGlobalId(filter.within, 'Territory', ['filter', 'within']) : null,
      level: filter?.level ?? null,
      namePrefix: filter?.namePrefix ?? null,
    });
    return paginate(
      query,
      [
        { expression: 'lower(territory.name)', direction: 'ASC', value: (t) => t.name.toLowerCase() },
        { expression: 'territory.id', direction: 'ASC', value: (t) => t.id },
      ],
      args,
      Territory.from,
    );
  }

  @Query(() => Territory, { nullable: true, description: 'A territory by its code, e.g. "IT-MI".' })
  async territory(@Args('code') code: string): Promise<Territory | null> {
    const entity = await this.repository.findByCode(code);
    return entity && Territory.from(entity);
  }

  @ResolveField(() => Territory, { nullable: true })
  async parent(territory: Territory, _args: unknown, context: RequestContext): Promise<Territory | null> {
    if (!territory.parentDbId) return null;
    const parent = await context.loaders.get(this.loaders.byId).load(territory.parentDbId);
    return parent && Territory.from(parent);
  }

  @ResolveField(() => [Territory], { description: 'From the region down to the parent.' })
  async ancestors(territory: Territory, _args: unknown, context: RequestContext): Promise<Territory[]> {
    return (await context.loaders.get(this.loaders.ancestorsOf).load(territory.dbId)).map(Territory.from);
  }

  @ResolveField(() => [Territory], { description: 'The territories directly below, by name.' })
  async children(territory: Territory, _args: unknown, context: RequestContext): Promise<Territory[]> {
    return (await context.loaders.get(this.loaders.childrenOf).load(territory.dbId)).map(Territory.from);
  }
}
