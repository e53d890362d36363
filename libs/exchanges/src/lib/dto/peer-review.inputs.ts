import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { RecommendationResponse, ReviewInvitationAnswer } from '../peer-review.enums';

export const REVIEW_QUESTION_LENGTH = { min: 10, max: 2000 };
const RECOMMENDATION_LENGTH = { message: 'A recommendation has 3 to 5000 characters.' };

@InputType()
export class InvitePeerReviewersInput {
  @Field(() => ID)
  exchangeId!: string;

  @Field(() => [ID], { description: 'Up to 20 people, each invited once.' })
  @ArrayMinSize(1, { message: 'Invite at least one person.' })
  @ArrayMaxSize(20, { message: 'Invite at most 20 people at once.' })
  userIds!: string[];
}

@InputType()
export class RespondToReviewInvitationInput {
  @Field(() => ID)
  invitationId!: string;

  @Field(() => ReviewInvitationAnswer)
  answer!: ReviewInvitationAnswer;
}

@InputType()
export class AddReviewRecommendationInput {
  @Field(() => ID)
  exchangeId!: string;

  @Field({ description: 'Markdown, 3 to 5000 characters.' })
  @MinLength(3, RECOMMENDATION_LENGTH)
  @MaxLength(5000, RECOMMENDATION_LENGTH)
  text!: string;
}

@InputType()
export class EditReviewRecommendationInput {
  @Field(() => ID)
  recommendationId!: string;

  @Field({ description: 'Markdown, 3 to 5000 characters.' })
  @MinLength(3, RECOMMENDATION_LENGTH)
  @MaxLength(5000, RECOMMENDATION_LENGTH)
  text!: string;
}

@InputType()
export class RecommendationResponseInput {
  @Field(() => ID)
  recommendationId!: string;

  @Field(() => RecommendationResponse)
  response!: RecommendationResponse;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'A note has at most 2000 characters.' })
  note?: string | null;
}

@InputType()
export class AnswerPeerReviewInput {
  @Field(() => ID)
  exchangeId!: string;

  @Field({ description: 'Markdown, 10 to 20000 characters.' })
  @MinLength(10, { message: 'An action plan has 10 to 20000 characters.' })
  @MaxLength(20000, { message: 'An action plan has 10 to 20000 characters.' })
  actionPlan!: string;

  @Field(() => [RecommendationResponseInput], { description: 'One response to each recommendation.' })
  @ArrayMaxSize(200, { message: 'At most 200 responses.' })
  @ValidateNested({ each: true })
  @Type(() => RecommendationResponseInput)
  responses!: RecommendationResponseInput[];
}

