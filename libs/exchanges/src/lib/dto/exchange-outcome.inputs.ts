import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsNotEmpty, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { LocalDate } from '@bottega/core';
import { POST_MAX_LENGTH } from '@bottega/markdown';

@InputType({ description: 'Something to do after the exchange, by someone, by a day.' })
export class FollowUpActionInput {
  @Field()
  @IsNotEmpty({ message: 'Say what is to be done.' })
  @MaxLength(500, { message: 'A follow-up action has at most 500 characters.' })
  description!: string;

  @Field(() => ID, { description: 'Who sees to it.' })
  ownerId!: string;

  @Field(() => LocalDate)
  dueOn!: string;
}

@InputType()
export class RecordOutcomesInput {
  @Field(() => ID)
  exchangeId!: string;

  @Field(() => Int, { nullable: true, description: 'The version of the outcomes edited; a stale one is a CONFLICT. Leave it out the first time.' })
  version?: number | null;

  @Field({ description: 'What happened and what came of it; markdown.' })
  @IsNotEmpty({ message: 'Write a summary.' })
  @MaxLength(POST_MAX_LENGTH, { message: `A summary has at most ${POST_MAX_LENGTH} characters.` })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'What the participants learned; markdown.' })
  @IsOptional()
  @MaxLength(POST_MAX_LENGTH, { message: `Learnings have at most ${POST_MAX_LENGTH} characters.` })
  learnings?: string | null;

  @Field(() => [FollowUpActionInput], { defaultValue: [], description: 'Up to 20, in order; replaces them.' })
  @ArrayMaxSize(20, { message: 'List at most 20 follow-up actions.' })
  @ValidateNested({ each: true })
  @Type(() => FollowUpActionInput)
  followUpActions!: FollowUpActionInput[];

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Up to 20 published practices taken up at the exchange: each is recorded as adopted (in `adoptedInTerritoryId`); one left out is no longer.',
  })
  @ArrayMaxSize(20, { message: 'Choose at most 20 practices.' })
  adoptedPracticeIds!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'Where the practices adopted are taken up (after a study visit, the visitors’ territory); the host territory when left out.',
  })
  adoptedInTerritoryId?: string | null;
}
