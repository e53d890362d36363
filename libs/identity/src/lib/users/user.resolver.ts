import { Args, Context, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GlobalRole, type RequestContext } from '@bottega/core';
import { handleKey } from './identity-text';
import { User } from './user.model';
import { UserLoaders } from './user.loaders';

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly loaders: UserLoaders) {}

  @Query(() => User, { nullable: true, description: 'The signed-in account; null when anonymous.' })
  async viewer(@Context() context: RequestContext): Promise<User | null> {
    const viewer = await context.viewer();
    if (!viewer) return null;
    const entity = await context.loaders.get(this.loaders.byId).load(viewer.userId);
    return entity && User.from(entity);
  }

  @Query(() => User, {
    nullable: true,
    description: 'The person with this @handle (any case, with or without the @); null when nobody has it.',
  })
  async user(@Args('handle') handle: string, @Context() context: RequestContext): Promise<User | null> {
    const key = handleKey(handle);
    const entity = key && (await context.loaders.get(this.loaders.byHandle).load(key));
    return entity ? User.from(entity) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Visible to the account itself and to admins.' })
  async email(user: User, _args: unknown, context: RequestContext): Promise<string | null> {
    const viewer = await context.viewer();
    if (!viewer) return null;
    return viewer.userId === user.dbId || viewer.role === GlobalRole.ADMIN ? user.emailAddress : null;
  }
}
