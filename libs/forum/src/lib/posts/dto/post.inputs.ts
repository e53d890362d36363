import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ReactionKind } from '../post.enums';

@InputType()
export class ReplyToThreadInput {
  @Field(() => ID)
  threadId!: string;

  @Field({ description: 'Markdown; @handle mentions someone, `> [quote:<postId>]` quotes a post.' })
  body!: string;

  @Field(() => ID, { nullable: true, description: 'The post this one answers, in the same thread.' })
  replyToId?: string | null;
}

@InputType()
export class EditPostInput {
  @Field(() => ID)
  postId!: string;

  @Field()
  body!: string;

  @Field(() => Int, { description: 'The version you edited; if the post changed since, the edit is refused as a CONFLICT.' })
  version!: number;
}

@InputType()
export class DeletePostInput {
  @Field(() => ID)
  postId!: string;
}

@InputType()
export class ReactInput {
  @Field(() => ID)
  postId!: string;

  @Field(() => ReactionKind)
  kind!: ReactionKind;

  @Field({ defaultValue: true, description: 'False takes the reaction back.' })
  on!: boolean;
}
