import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs } from '@bottega/core';
import { TerritoryLevel } from '../territory.enums';

@InputType()
export class TerritoryFilter {
  @Field(() => ID, { nullable: true, description: 'Only this territory and the territories below it.' })
  within?: string | null;

  @Field(() => TerritoryLevel, { nullable: true })
  level?: TerritoryLevel | null;

  @Field(() => String, { nullable: true, description: 'Names starting with this text (case-insensitive).' })
  namePrefix?: string | null;
}

@ArgsType()
export class TerritoriesArgs extends ConnectionArgs {
  @Field(() => TerritoryFilter, { nullable: true })
  filter?: TerritoryFilter | null;
}
