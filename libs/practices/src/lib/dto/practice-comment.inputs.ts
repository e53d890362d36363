import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class AddPracticeCommentInput {
  @Field(() => ID)
  practiceId!: string;

  @Field({ description: 'Markdown, at most 5000 characters; rendered as posts are.' })
  body!: string;
}

@InputType()
export class EditPracticeCommentInput {
  @Field(() => ID)
  commentId!: string;

  @Field({ description: 'Markdown, at most 5000 characters.' })
  body!: string;

  @Field(() => Int, { description: 'The version you edited; if the comment changed since, the edit is a CONFLICT.' })
  version!: number;
}

@InputType()
export class DeletePracticeCommentInput {
  @Field(() => ID)
  commentId!: string;
}
