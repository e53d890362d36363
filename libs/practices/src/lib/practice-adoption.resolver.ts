import { Args, Context, Info, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs, paginate, type ConnectionValue, type Outcome, type RequestContext, type SortKey } from '@bottega/core';
import { User, UserLoaders, userOf } from '@bottega/identity';
import { Project, ProjectLoaders, Territory, TerritoryLoaders, territoryOf } from '@bottega/territories';
import { RecordAdoptionInput, RemoveAdoptionInput, UpdateAdoptionInput } from './dto/practice-adoption.inputs';
import { PracticeAccess, type PracticeInContext } from './practice.access';
import { Practice } from './practice.model';
import { canChangeAdoption, canRecordAdoption } from './practice.policy';
import { PracticeAdoption, PracticeAdoptionConnection, PracticeAdoptionPayload } from './practice-adoption.model';
import { PracticeAdoptionRepository, type PracticeAdoptionRow } from './practice-adoption.repository';
import { PracticeAdoptionService, type AdoptionChange } from './practice-adoption.service';

const LATEST_FIRST: SortKey<PracticeAdoptionRow>[] = [
  { expression: 'adoption.adoptedOn', column: 'a.adopted_on', direction: 'DESC', value: (a) => a.adoptedOn },
  { expression: 'adoption.id', column: 'a.id', direction: 'DESC', value: (a) => a.id },
];

@Resolver(() => PracticeAdoption)
export class PracticeAdoptionResolver {
  constructor(
    private readonly service: PracticeAdoptionService,
    private readonly access: PracticeAccess,
    private readonly userLoaders: UserLoaders,
    private readonly territoryLoaders: TerritoryLoaders,
    private readonly projectLoaders: ProjectLoaders,
  ) {}

  @Mutation(() => PracticeAdoptionPayload, {
    nullable: true,
    description: 'Records that a territory took up a published practice, and how it went. Anyone signed in who reads it.',
  })
  async recordAdoption(@Args('input') input: RecordAdoptionInput, @Context() context: RequestContext): Promise<PracticeAdoptionPayload> {
    return payload(await this.service.record(input, context));
  }

  @Mutation(() => PracticeAdoptionPayload, { nullable: true, description: 'Corrects an adoption. Whoever recorded it, and the practice’s reviewers.' })
  async updateAdoption(@Args('input') input: UpdateAdoptionInput, @Context() context: RequestContext): Promise<PracticeAdoptionPayload> {
    return payload(await this.service.update(input, context));
  }

  @Mutation(() => PracticeAdoptionPayload, { nullable: true, description: 'Removes an adoption. Whoever recorded it, and the practice’s reviewers.' })
  async removeAdoption(@Args('input') input: RemoveAdoptionInput, @Context() context: RequestContext): Promise<PracticeAdoptionPayload> {
    return payload(await this.service.remove(input, context));
  }

  // Fields answer at once when the adoption came in a page with its territory, recorder and practice.
  @ResolveField(() => Territory, { nullable: true })
  territory(adoption: PracticeAdoption, _args: unknown, context: RequestContext): Territory | null | Promise<Territory | null> {
    if (adoption.knownTerritory !== undefined) return adoption.knownTerritory;
    return context.loaders.get(this.territoryLoaders.byId).load(adoption.row.territoryId).then((territory) => territory && Territory.from(territory));
  }

  @ResolveField(() => Project, { nullable: true, description: 'The living lab that took it up.' })
  async project(adoption: PracticeAdoption, _args: unknown, context: RequestContext): Promise<Project | null> {
    const project = adoption.row.projectId && (await context.loaders.get(this.projectLoaders.byId).load(adoption.row.projectId));
    return project ? Project.from(project) : null;
  }

  @ResolveField(() => User, { nullable: true, description: 'Who recorded it; null when the account was removed.' })
  recordedBy(adoption: PracticeAdoption, _args: unknown, context: RequestContext): User | null | Promise<User | null> {
    if (adoption.knownRecorder !== undefined) return adoption.knownRecorder;
    const id = adoption.row.recordedBy;
    return id ? context.loaders.get(this.userLoaders.byId).load(id).then((user) => user && User.from(user)) : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may correct or remove it (who recorded it, and the practice’s reviewers).' })
  viewerCanEdit(adoption: PracticeAdoption, _args: unknown, context: RequestContext): boolean | Promise<boolean> {
    const decide = (found: PracticeInContext | null) => found !== null && canChangeAdoption(found.principals, found.practice, adoption.row);
    return adoption.seenAs ? decide(adoption.seenAs) : this.access.load(context, adoption.row.practiceId).then(decide);
  }
}

@Resolver(() => Practice)
export class PracticeAdoptionFieldResolver {
  constructor(
    private readonly repository: PracticeAdoptionRepository,
    private readonly access: PracticeAccess,
  ) {}

  @ResolveField(() => PracticeAdoptionConnection, { description: 'Where it was taken up, latest first.' })
  async adoptions(
    @Parent() practice: Practice,
    @Args() args: ConnectionArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<PracticeAdoption>> {
    // Each row brings its territory and recorder, and the practice as the viewer reads it is already loaded (memoized): their fields need not wait.
    const seenAs = (await this.access.load(context, practice.dbId)) ?? undefined;
    return paginate(this.repository.of(practice.dbId), LATEST_FIRST, args, ({ territory, recorder, ...adoption }) =>
      PracticeAdoption.from(adoption, { seenAs, knownTerritory: territoryOf(territory), knownRecorder: userOf(recorder) }),
    info);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may record where it was adopted: signed in, and the practice published.' })
  async viewerCanRecordAdoption(practice: Practice, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, practice.dbId);
    return found !== null && canRecordAdoption(found.principals, found.practice);
  }
}

function payload(outcome: Outcome<AdoptionChange>): PracticeAdoptionPayload {
  return outcome.ok
    ? { adoption: outcome.value.adoption && PracticeAdoption.from(outcome.value.adoption), practice: Practice.from(outcome.value.practice), userErrors: [] }
    : { adoption: null, practice: null, userErrors: outcome.errors };
}
