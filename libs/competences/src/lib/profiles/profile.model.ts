import { Field, ObjectType } from '@nestjs/graphql';
import { Connection, Node, UserError, toGlobalId } from '@bottega/core';
import { Availability, CompetenceLevel, ProfileVisibility } from './profile.enums';
import type { CompetenceRow, ProfileRow } from './profile.repository';

@ObjectType('Competence', { description: 'A skill someone declares, at a level, with what shows it.' })
export class Competence {
  @Field(() => CompetenceLevel)
  level!: CompetenceLevel;

  @Field(() => String, { nullable: true, description: 'What shows it (plain text): practices, projects, posts.' })
  evidence!: string | null;

  row!: CompetenceRow;

  static from(row: CompetenceRow): Competence {
    return Object.assign(new Competence(), { level: row.level, evidence: row.evidence || null, row });
  }
}

@ObjectType('CompetenceProfile', {
  implements: () => [Node],
  description: 'What a person knows and whether they are available, seen by those its owner chose.',
})
export class CompetenceProfile extends Node {
  @Field(() => ProfileVisibility)
  visibility!: ProfileVisibility;

  @Field(() => Availability)
  availability!: Availability;

  @Field()
  updatedAt!: Date;

  row!: ProfileRow;

  static from(row: ProfileRow): CompetenceProfile {
    return Object.assign(new CompetenceProfile(), {
      id: toGlobalId('CompetenceProfile', row.userId),
      dbId: row.userId,
      visibility: row.visibility,
      availability: row.availability,
      updatedAt: row.updatedAt,
      row,
    });
  }
}

@ObjectType()
export class CompetenceProfileConnection extends Connection(CompetenceProfile, 'CompetenceProfile') {}

@ObjectType()
export class CompetenceProfilePayload {
  @Field(() => CompetenceProfile, { nullable: true })
  profile!: CompetenceProfile | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
