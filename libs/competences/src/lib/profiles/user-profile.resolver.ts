import { ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { User } from '@bottega/identity';
import { ProfileAccess } from './profile.access';
import { CompetenceProfile } from './profile.model';

/** What competences add to a person. */
@Resolver(() => User)
export class UserProfileResolver {
  constructor(private readonly access: ProfileAccess) {}

  @ResolveField(() => CompetenceProfile, { nullable: true, description: 'Their competence profile; null when they have none or it is not visible to the viewer.' })
  async competenceProfile(user: User, _args: unknown, context: RequestContext): Promise<CompetenceProfile | null> {
    const profile = await this.access.load(context, user.dbId);
    return profile && CompetenceProfile.from(profile);
  }
}
