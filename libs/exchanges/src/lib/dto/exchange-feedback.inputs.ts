import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ConnectionArgs } from '@bottega/core';

const RATING = { message: 'A rating is from 1 to 5.' };

@InputType()
export class GiveFeedbackInput {
  @Field(() => ID)
  exchangeId!: string;

  @Field(() => Int, { description: '1 (poor) to 5 (excellent).' })
  @Min(1, RATING)
  @Max(5, RATING)
  rating!: number;

  @Field(() => String, { nullable: true, description: 'Seen by the organisers only.' })
  @IsOptional()
  @MaxLength(2000, { message: 'A comment has at most 2000 characters.' })
  comment?: string | null;
}

@ArgsType()
export class ExchangeFeedbackArgs extends ConnectionArgs {}
