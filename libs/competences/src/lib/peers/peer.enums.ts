import { registerEnumType } from '@nestjs/graphql';

/** Where a suggested person works, against the territory of the need. */
export enum TerritoryMatch {
  /** In the need's territory, or one within it. */
  SAME = 'SAME',
  /** Only outside the need's territory and those within it. */
  OTHER = 'OTHER',
  /** The need names no territory, or the person gives none. */
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(TerritoryMatch, { name: 'TerritoryMatch', description: 'Where a suggested peer works, against the territory of the need.' });
