import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, Length, MaxLength } from 'class-validator';
import { ConnectionArgs } from '@bottega/core';
import { CommunityKind, CommunityRole, CommunityVisibility } from '../community.enums';

@InputType()
export class CreateCommunityInput {
  @Field()
  @Length(3, 80, { message: 'A name has 3 to 80 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Made from the name when left out.' })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'A description has at most 2000 characters.' })
  description?: string | null;

  @Field(() => CommunityKind)
  kind!: CommunityKind;

  @Field(() => CommunityVisibility)
  visibility!: CommunityVisibility;

  @Field(() => ID, { nullable: true, description: 'Required for a territorial community.' })
  territoryId?: string | null;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdateCommunityInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 80, { message: 'A name has 3 to 80 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'A description has at most 2000 characters.' })
  description?: string | null;

  @Field(() => CommunityVisibility, { nullable: true })
  visibility?: CommunityVisibility | null;
}

@InputType()
export class CommunityIdInput {
  @Field(() => ID)
  communityId!: string;
}

@InputType()
export class CommunityMemberInput {
  @Field(() => ID)
  communityId!: string;

  @Field(() => ID)
  userId!: string;
}

@InputType()
export class SetCommunityRoleInput extends CommunityMemberInput {
  @Field(() => CommunityRole)
  role!: CommunityRole;
}

@InputType()
export class CommunityFilter {
  @Field(() => ID, { nullable: true, description: 'In this territory or below it.' })
  territory?: string | null;

  @Field(() => CommunityKind, { nullable: true })
  kind?: CommunityKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Only communities the viewer belongs to.' })
  joined?: boolean | null;
}

@ArgsType()
export class CommunitiesArgs extends ConnectionArgs {
  @Field(() => CommunityFilter, { nullable: true })
  filter?: CommunityFilter | null;
}
