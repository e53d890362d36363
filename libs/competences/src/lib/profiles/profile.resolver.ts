import { Args, Context, Info, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AccessDirectory, paginate, type ConnectionValue, type Outcome, type RequestContext, type SortKey } from '@bottega/core';
import { User, UserLoaders } from '@bottega/identity';
import { Territory, TerritoryLoaders } from '@bottega/territories';
import { SkillService } from '../skills/skill.service';
import { CompetenceProfilesArgs, SetAvailabilityInput, SetCompetencesInput, SetProfileVisibilityInput, UpdateProfileInput } from './dto/profile.inputs';
import { ProfileBasicsService } from './profile-basics.service';
import { ProfileAccess } from './profile.access';
import { ProfileLoaders } from './profile.loaders';
import { Competence, CompetenceProfile, CompetenceProfileConnection, CompetenceProfilePayload } from './profile.model';
import { ProfileRepository, type ProfileRow } from './profile.repository';
import { ProfileService } from './profile.service';

const RECENTLY_UPDATED: SortKey<ProfileRow>[] = [
  { expression: 'competenceProfile.updatedAt', column: 'p.updated_at', direction: 'DESC', value: (p) => p.updatedAt.toISOString() },
  { expression: 'competenceProfile.userId', column: 'p.user_id', direction: 'DESC', value: (p) => p.userId },
];

@Resolver(() => CompetenceProfile)
export class ProfileResolver {
  constructor(
    private readonly repository: ProfileRepository,
    private readonly service: ProfileService,
    private readonly access: ProfileAccess,
    private readonly loaders: ProfileLoaders,
    private readonly directory: AccessDirectory,
    private readonly skills: SkillService,
    private readonly userLoaders: UserLoaders,
    private readonly basics: ProfileBasicsService,
    private readonly territoryLoaders: TerritoryLoaders,
  ) {}

  @Query(() => CompetenceProfile, {
    nullable: true,
    description: 'The competence profile of the person with this @handle; null when they have none or it is not visible to the viewer.',
  })
  async competenceProfile(@Args('handle') handle: string, @Context() context: RequestContext): Promise<CompetenceProfile | null> {
    const key = handle.trim().replace(/^@/, '').toLowerCase();
    const user = key ? await context.loaders.get(this.userLoaders.byHandle).load(key) : null;
    const profile = user && (await this.access.load(context, user.id));
    return profile ? CompetenceProfile.from(profile) : null;
  }

  @Query(() => CompetenceProfileConnection, { description: 'Competence profiles the viewer may see, most recently updated first.' })
  async competenceProfiles(
    @Args() args: CompetenceProfilesArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<CompetenceProfile>> {
    const skill = args.filter?.skill ? await this.skills.live(context, args.filter.skill, ['filter', 'skill']) : null;
    const query = this.repository.query(await this.directory.of(context), { skillId: skill?.id ?? null, availability: args.filter?.availability ?? null });
    const byUserId = context.loaders.get(this.loaders.byUserId);
    return paginate(query, RECENTLY_UPDATED, args, (row) => (byUserId.prime(row.userId, row), CompetenceProfile.from(row)), info);
  }

  @Mutation(() => CompetenceProfilePayload, {
    nullable: true,
    description: 'Replaces your competences with these, at once; a competence you keep keeps its endorsements.',
  })
  async setCompetences(@Args('input') input: SetCompetencesInput, @Context() context: RequestContext): Promise<CompetenceProfilePayload> {
    return payload(await this.service.setCompetences(input, context));
  }

  @Mutation(() => CompetenceProfilePayload, { nullable: true, description: 'Chooses who sees your competence profile.' })
  async setProfileVisibility(@Args('input') input: SetProfileVisibilityInput, @Context() context: RequestContext): Promise<CompetenceProfilePayload> {
    return payload(await this.service.setVisibility(input, context));
  }

  @Mutation(() => CompetenceProfilePayload, { nullable: true, description: 'Says whether you take part in peer exchanges, or mentor.' })
  async setAvailability(@Args('input') input: SetAvailabilityInput, @Context() context: RequestContext): Promise<CompetenceProfilePayload> {
    return payload(await this.service.setAvailability(input, context));
  }

  @Mutation(() => CompetenceProfilePayload, {
    nullable: true,
    description:
      'Changes the public basics of your profile (display name, bio, avatar, organization, territories, languages): only the fields given.',
  })
  async updateProfile(@Args('input') input: UpdateProfileInput, @Context() context: RequestContext): Promise<CompetenceProfilePayload> {
    return payload(await this.basics.update(input, context));
  }

  @ResolveField(() => String, { description: 'The name its owner is shown by, from their account.' })
  async displayName(profile: CompetenceProfile, _args: unknown, context: RequestContext): Promise<string> {
    const user = await context.loaders.get(this.userLoaders.byId).load(profile.dbId);
    if (!user) throw new Error(`Profile ${profile.dbId} has no account`);
    return user.displayName;
  }

  @ResolveField(() => [Territory], { description: 'Where its owner works, in their order.' })
  async territories(profile: CompetenceProfile, _args: unknown, context: RequestContext): Promise<Territory[]> {
    const found = await context.loaders.get(this.territoryLoaders.byId).loadMany(profile.row.territoryIds);
    return found.flatMap((territory) => (territory && !(territory instanceof Error) ? [Territory.from(territory)] : []));
  }

  @ResolveField(() => User, { description: 'Whose profile it is.' })
  async user(profile: CompetenceProfile, _args: unknown, context: RequestContext): Promise<User> {
    const user = await context.loaders.get(this.userLoaders.byId).load(profile.dbId);
    if (!user) throw new Error(`Profile ${profile.dbId} has no account`);
    return User.from(user);
  }

  @ResolveField(() => [Competence], { description: 'In the order their owner gave them.' })
  async competences(profile: CompetenceProfile, _args: unknown, context: RequestContext): Promise<Competence[]> {
    return (await context.loaders.get(this.loaders.competencesByUserId).load(profile.dbId)).map(Competence.from);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer owns it, and so edits it.' })
  async viewerCanEdit(profile: CompetenceProfile, _args: unknown, context: RequestContext): Promise<boolean> {
    return (await context.viewer())?.userId === profile.dbId;
  }
}

function payload(outcome: Outcome<ProfileRow>): CompetenceProfilePayload {
  return outcome.ok ? { profile: CompetenceProfile.from(outcome.value), userErrors: [] } : { profile: null, userErrors: outcome.errors };
}
