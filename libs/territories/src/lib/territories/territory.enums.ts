import { registerEnumType } from '@nestjs/graphql';

export enum TerritoryLevel {
  REGION = 'REGION',
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
}
registerEnumType(TerritoryLevel, { name: 'TerritoryLevel', description: 'Region > province > district.' });
