import { ArgsType, Field, ID, InputType, Int, PartialType, PickType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, Length, MaxLength } from 'class-validator';
import { ConnectionArgs } from '@bottega/core';
import { ThreadKind } from '../thread.enums';

@InputType()
export class StartThreadInput {
  @Field(() => ID)
  communityId!: string;

  @Field(() => ThreadKind, { defaultValue: ThreadKind.DISCUSSION })
  kind!: ThreadKind;

  @Field()
  @Length(8, 200, { message: 'A title has 8 to 200 characters.' })
  title!: string;

  @Field({ description: 'The first post, in Markdown.' })
  body!: string;

  @Field(() => [String], { nullable: true, description: 'Up to 5 tags; made into slugs, created on first use.' })
  @IsOptional()
  @ArrayMaxSize(5, { message: 'Use at most 5 tags.' })
  tags?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Up to 5 territories the thread is about.' })
  @IsOptional()
  @ArrayMaxSize(5, { message: 'Choose at most 5 territories.' })
  territoryIds?: string[] | null;
}

/** The same title, tag and territory rules as `StartThreadInput`, each optional: what is left out stays as it is. */
@InputType()
export class EditThreadInput extends PartialType(PickType(StartThreadInput, ['title', 'tags', 'territoryIds'] as const)) {
  @Field(() => ID)
  threadId!: string;

  @Field(() => Int, { description: 'The version you edited; if the thread changed since, the edit is refused as a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Why, when you edit someone else’s thread; kept in the audit log (at most 500 characters).' })
  @IsOptional()
  @MaxLength(500, { message: 'A reason has at most 500 characters.' })
  reason?: string | null;
}

@InputType()
export class ThreadFlagInput {
  @Field(() => ID)
  threadId!: string;

  @Field({ defaultValue: true })
  on!: boolean;

  @Field(() => String, { nullable: true, description: 'Why; kept in the audit log (at most 500 characters).' })
  @IsOptional()
  @MaxLength(500, { message: 'A reason has at most 500 characters.' })
  reason?: string | null;
}

@InputType()
export class AcceptAnswerInput {
  @Field(() => ID, { description: 'A reply in a question thread; accepting another one replaces it.' })
  postId!: string;

  @Field({ defaultValue: true, description: 'False withdraws it, when it is the accepted answer.' })
  accepted!: boolean;
}

@InputType()
export class DeleteThreadInput {
  @Field(() => ID)
  threadId!: string;

  @Field(() => String, { nullable: true, description: 'Why; kept in the audit log (at most 500 characters).' })
  @IsOptional()
  @MaxLength(500, { message: 'A reason has at most 500 characters.' })
  reason?: string | null;
}

@InputType()
export class MoveThreadInput {
  @Field(() => ID)
  threadId!: string;

  @Field(() => ID, { description: 'The community it moves to.' })
  communityId!: string;

  @Field(() => String, { nullable: true, description: 'Why; kept in the audit log (at most 500 characters).' })
  @IsOptional()
  @MaxLength(500, { message: 'A reason has at most 500 characters.' })
  reason?: string | null;
}

export enum ThreadOrder {
  LATEST_ACTIVITY = 'LATEST_ACTIVITY',
  NEWEST = 'NEWEST',
  MOST_ACTIVE = 'MOST_ACTIVE',
}
registerEnumType(ThreadOrder, { name: 'ThreadOrder' });

@InputType()
export class ThreadFilter {
  @Field(() => ID, { nullable: true })
  community?: string | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => ID, { nullable: true, description: 'About this territory or one below it.' })
  territory?: string | null;

  @Field(() => ThreadKind, { nullable: true })
  kind?: ThreadKind | null;

  @Field(() => Boolean, { nullable: true, description: 'With kind QUESTION and answered false: unanswered questions.' })
  answered?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  locked?: boolean | null;

  @Field(() => ID, { nullable: true })
  author?: string | null;
}

@ArgsType()
export class ThreadsArgs extends ConnectionArgs {
  @Field(() => ThreadFilter, { nullable: true })
  filter?: ThreadFilter | null;

  @Field(() => ThreadOrder, { defaultValue: ThreadOrder.LATEST_ACTIVITY, description: 'Pinned threads come first within a community.' })
  orderBy!: ThreadOrder;
}
