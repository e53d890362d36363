import { Field, ObjectType } from '@nestjs/graphql';
import { Connection, Node, UserError, toGlobalId } from '@bottega/core';
import { OrganizationKind } from '@bottega/territories';
import { Availability, CompetenceLevel, ProfileVisibility } from './profile.enums';
import type { CompetenceRow, ProfileRow } from './profile.repository';

@ObjectType('Competence', { description: 'A skill someone declares, at a level, with what shows it.' })
export class Competence {
  @Field(() => CompetenceLevel)
  level!: CompetenceLevel;

  @Field(() => String, { nullable: true, description: 'Its owner’s note on what shows it (plain text): projects, roles, training.' })
  evidenceNote!: string | null;

  row!: CompetenceRow;

  static from(row: CompetenceRow): Competence {
    return Object.assign(new Competence(), { level: row.level, evidenceNote: row.evidence || null, row });
  }
}

@ObjectType('ProfileOrganization', { description: 'The organization a person works for or with, as they name it.' })
export class ProfileOrganization {
  @Field()
  name!: string;

  @Field(() => OrganizationKind, { nullable: true })
  kind!: OrganizationKind | null;
}

@ObjectType('CompetenceProfile', {
  implements: () => [Node],
  description: 'Who a person is, what they know and whether they are available, seen by those its owner chose.',
})
export class CompetenceProfile extends Node {
  @Field(() => ProfileVisibility)
  visibility!: ProfileVisibility;

  @Field(() => Availability)
  availability!: Availability;

  @Field(() => String, { nullable: true, description: 'About the person, as its owner wrote it (Markdown).' })
  bio!: string | null;

  @Field(() => String, { nullable: true, description: 'The bio rendered to sanitized HTML.' })
  bioHtml!: string | null;

  @Field(() => String, { nullable: true, description: 'An https address of the person’s picture.' })
  avatarUrl!: string | null;

  @Field(() => ProfileOrganization, { nullable: true })
  organization!: ProfileOrganization | null;

  @Field(() => [String], { description: 'Languages the person works in, as ISO 639-1 codes ("it", "en"), in their order.' })
  languages!: string[];

  @Field({ description: 'Hidden by moderation: then only its owner and staff see it.' })
  hidden!: boolean;

  @Field()
  updatedAt!: Date;

  row!: ProfileRow;

  static from(row: ProfileRow): CompetenceProfile {
    return Object.assign(new CompetenceProfile(), {
      id: toGlobalId('CompetenceProfile', row.userId),
      dbId: row.userId,
      visibility: row.visibility,
      availability: row.availability,
      bio: row.bio || null,
      bioHtml: row.bioHtml || null,
      avatarUrl: row.avatarUrl,
      organization: row.organizationName ? { name: row.organizationName, kind: row.organizationKind } : null,
      languages: row.languages,
      hidden: row.hiddenAt !== null,
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
