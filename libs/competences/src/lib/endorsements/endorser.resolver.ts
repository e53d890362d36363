import { ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { User, UserLoaders } from '@bottega/identity';
import { Endorsement } from './endorsement.model';

@Resolver(() => Endorsement)
export class EndorserResolver {
  constructor(private readonly users: UserLoaders) {}

  @ResolveField(() => User, { description: 'Who endorses; their own profile shows only to its audience, through `User.competenceProfile`.' })
  async endorser(endorsement: Endorsement, _args: unknown, context: RequestContext): Promise<User> {
    const user = await context.loaders.get(this.users.byId).load(endorsement.endorserId);
    if (!user) throw new Error(`Endorsement by unknown account ${endorsement.endorserId}`);
    return User.from(user);
  }
}
