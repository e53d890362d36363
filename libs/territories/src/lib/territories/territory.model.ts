import { Field, ObjectType } from '@nestjs/graphql';
import { Connection, Node, toGlobalId } from '@bottega/core';
import type { TerritoryEntity } from './territory.entity';
import { TerritoryLevel } from './territory.enums';

@ObjectType('Territory', { implements: () => [Node], description: 'A place in the region > province > district hierarchy.' })
export class Territory extends Node {
  @Field({ description: 'ISO 3166-2 style code, e.g. IT-25 for Lombardia, IT-MI for Milano.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'ISTAT code of regions and provinces.' })
  istatCode!: string | null;

  @Field()
  name!: string;

  @Field(() => TerritoryLevel)
  level!: TerritoryLevel;

  parentDbId!: string | null;

  static from(entity: TerritoryEntity): Territory {
    return Object.assign(new Territory(), {
      id: toGlobalId('Territory', entity.id),
      dbId: entity.id,
      code: entity.code,
      istatCode: entity.istatCode,
      name: entity.name,
      level: entity.level,
      parentDbId: entity.parentId,
    });
  }
}

@ObjectType()
export class TerritoryConnection extends Connection(Territory, 'Territory') {}
