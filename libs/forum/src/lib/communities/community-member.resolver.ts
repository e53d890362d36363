import { ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { User, UserLoaders } from '@bottega/identity';
import { CommunityMember } from './community.model';

@Resolver(() => CommunityMember)
export class CommunityMemberResolver {
  constructor(private readonly userLoaders: UserLoaders) {}

  @ResolveField(() => User)
  async user(member: CommunityMember, _args: unknown, context: RequestContext): Promise<User> {
    const user = await context.loaders.get(this.userLoaders.byId).load(member.userDbId);
    if (!user) throw new Error(`Member ${member.userDbId} has no account`);
    return User.from(user);
  }
}
