import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection, Node, UserError, toGlobalId } from '@bottega/core';
import type { CommunityEntity, CommunityMembershipEntity } from './community.entity';
import { CommunityKind, CommunityVisibility, CommunityRole } from './community.enums';

@ObjectType('Community', { implements: () => [Node], description: 'A space for discussion, thematic or territorial.' })
export class Community extends Node {
  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => CommunityKind)
  kind!: CommunityKind;

  @Field(() => CommunityVisibility)
  visibility!: CommunityVisibility;

  @Field(() => Int)
  memberCount!: number;

  @Field()
  createdAt!: Date;

  territoryDbId!: string | null;

  static from(entity: CommunityEntity): Community {
    return Object.assign(new Community(), {
      id: toGlobalId('Community', entity.id),
      dbId: entity.id,
      slug: entity.slug,
      name: entity.name,
      description: entity.description,
      kind: entity.kind,
      visibility: entity.visibility,
      memberCount: entity.memberCount,
      createdAt: entity.createdAt,
      territoryDbId: entity.territoryId,
    });
  }
}

@ObjectType({ description: 'A person in a community.' })
export class CommunityMember {
  @Field(() => CommunityRole)
  role!: CommunityRole;

  @Field()
  joinedAt!: Date;

  userDbId!: string;
  communityDbId!: string;

  static from(entity: CommunityMembershipEntity): CommunityMember {
    return Object.assign(new CommunityMember(), {
      role: entity.role,
      joinedAt: entity.joinedAt,
      userDbId: entity.userId,
      communityDbId: entity.communityId,
    });
  }
}

@ObjectType()
export class CommunityConnection extends Connection(Community, 'Community') {}

@ObjectType()
export class CommunityMemberConnection extends Connection(CommunityMember, 'CommunityMember') {}

@ObjectType()
export class CommunityPayload {
  @Field(() => Community, { nullable: true })
  community!: Community | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
