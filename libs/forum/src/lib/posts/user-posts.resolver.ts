import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { User } from '@bottega/identity';
import { PostLoaders } from './post.loaders';

/** What the forum adds to a person's public profile. */
@Resolver(() => User)
export class UserPostsResolver {
  constructor(private readonly loaders: PostLoaders) {}

  @ResolveField(() => Int, {
    description:
      'Posts this person has written in public and members-only communities; deleted and hidden posts, hidden threads and private communities are not counted.',
  })
  postCount(user: User, _args: unknown, context: RequestContext): Promise<number> {
    return context.loaders.get(this.loaders.publicCountByAuthor).load(user.dbId);
  }
}
