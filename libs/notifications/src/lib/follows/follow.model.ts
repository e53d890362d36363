import { Field, InputType, ObjectType, ID } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { UserError } from '@bottega/core';
import { FollowSubjectType } from './follow.enums';

@InputType({ description: 'A thread, community or territory (subjectId), or a tag (tag).' })
export class FollowInput {
  @Field(() => ID, { nullable: true })
  subjectId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40, { message: 'A tag has at most 40 characters.' })
  tag?: string | null;
}

@ObjectType({ description: 'Something the viewer follows.' })
export class Follow {
  @Field(() => FollowSubjectType)
  type!: FollowSubjectType;

  @Field(() => ID, { nullable: true, description: 'The followed thread, community or territory.' })
  subjectId!: string | null;

  @Field(() => String, { nullable: true, description: 'The followed tag.' })
  tag!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class FollowPayload {
  @Field({ description: 'Whether the viewer now follows the subject.' })
  following!: boolean;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
