import { Field, InputType, ObjectType, registerEnumType, ID } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { UserError } from '@bottega/core';

export enum FollowSubjectType {
  THREAD = 'THREAD',
  COMMUNITY = 'COMMUNITY',
  TAG = 'TAG',
  TERRITORY = 'TERRITORY',
}
registerEnumType(FollowSubjectType, { name: 'FollowSubjectType' });

/** What one follows: a thread, community or territory by id, or a tag by slug. */
export interface FollowSubject {
  type: FollowSubjectType;
  /** A uuid, or a tag slug. */
  key: string;
}

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
