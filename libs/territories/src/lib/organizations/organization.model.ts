import { Field, ObjectType } from '@nestjs/graphql';
import { Connection, Node, UserError, toGlobalId } from '@bottega/core';
import type { OrganizationEntity } from './organization.entity';
import { OrganizationKind } from './organization.enums';

@ObjectType('Organization', {
  implements: () => [Node],
  description: 'A municipality, association, foundation, consortium, cooperative or company taking part in projects.',
})
export class Organization extends Node {
  @Field()
  name!: string;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field()
  createdAt!: Date;

  territoryDbId!: string | null;

  static from(entity: OrganizationEntity): Organization {
    return Object.assign(new Organization(), {
      id: toGlobalId('Organization', entity.id),
      dbId: entity.id,
      name: entity.name,
      kind: entity.kind,
      website: entity.website,
      description: entity.description,
      createdAt: entity.createdAt,
      territoryDbId: entity.territoryId,
    });
  }
}

@ObjectType()
export class OrganizationConnection extends Connection(Organization, 'Organization') {}

@ObjectType()
export class OrganizationPayload {
  @Field(() => Organization, { nullable: true })
  organization!: Organization | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
