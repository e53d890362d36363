import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class PracticeThreadLinkInput {
  @Field(() => ID)
  practiceId!: string;

  @Field(() => ID, { description: 'A forum thread you read.' })
  threadId!: string;
}
