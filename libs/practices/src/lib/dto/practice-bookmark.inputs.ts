import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class BookmarkPracticeInput {
  @Field(() => ID)
  practiceId!: string;
}
