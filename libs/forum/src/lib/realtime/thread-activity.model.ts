import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Post } from '../posts/post.model';
import { ThreadActivityKind } from '../threads/thread.events';
import { Thread } from '../threads/thread.model';

registerEnumType(ThreadActivityKind, { name: 'ThreadActivityKind' });

@ObjectType({ description: 'Something that happened in a community: a new thread, a new post, a status change.' })
export class ThreadActivity {
  @Field(() => ThreadActivityKind)
  kind!: ThreadActivityKind;

  @Field(() => Thread)
  thread!: Thread;

  @Field(() => Post, { nullable: true })
  post!: Post | null;
}
