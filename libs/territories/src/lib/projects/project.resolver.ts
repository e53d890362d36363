import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { fromGlobalId, paginate, todayInRome, type ConnectionValue, type Outcome, type RequestContext, type SortKey } from '@bottega/core';
import { canManageDirectory } from '../directory.policy';
import { TerritoryLoaders } from '../territories/territory.loaders';
import { Territory } from '../territories/territory.model';
import { CreateProjectInput, ProjectOrder, ProjectsArgs, UpdateProjectInput } from './dto/project.inputs';
import type { ProjectEntity } from './project.entity';
import { ProjectLoaders } from './project.loaders';
import { ProjectPhase } from './project.enums';
import { Project, ProjectConnection, ProjectMember, ProjectPartner, ProjectPayload } from './project.model';
import { canManageTeam } from './project.policy';
import { ProjectRepository } from './project.repository';
import { ProjectService, normaliseThemes } from './project.service';

const ORDERS: Record<ProjectOrder, SortKey<ProjectEntity>[]> = {
  [ProjectOrder.NEWEST_START]: [
    { expression: 'project.startsOn', direction: 'DESC', value: (p) => p.startsOn },
    { expression: 'project.id', direction: 'DESC', value: (p) => p.id },
  ],
  [ProjectOrder.TITLE]: [
    { expression: 'lower(project.title)', direction: 'ASC', value: (p) => p.title.toLowerCase() },
    { expression: 'project.id', direction: 'ASC', value: (p) => p.id },
  ],
};

@Resolver(() => Project)
export class ProjectResolver {
  constructor(
    private readonly repository: ProjectRepository,
    private readonly service: ProjectService,
    private readonly loaders: ProjectLoaders,
    private readonly territoryLoaders: TerritoryLoaders,
  ) {}

  @Query(() => ProjectConnection, { description: 'Living labs, filtered by territory (and below), partner, theme, phase or title.' })
  projects(@Args() args: ProjectsArgs): Promise<ConnectionValue<Project>> {
    const { filter } = args;
    const query = this.repository.query({
      territoryId: filter?.territory ? fromGlobalId(filter.territory, 'Territory', ['filter', 'territory']) : null,
      organizationId: filter?.organization
        ? fromGlobalId(filter.organization, 'Organization', ['filter', 'organization'])
        : null,
      theme: filter?.theme ? (normaliseThemes([filter.theme])[0] ?? null) : null,
      phase: filter?.phase ?? null,
      titlePrefix: filter?.titlePrefix ?? null,
      today: todayInRome(),
    });
    return paginate(query, ORDERS[args.orderBy], args, Project.from);
  }

  @Query(() => Project, { nullable: true })
  async project(@Args('slug') slug: string): Promise<Project | null> {
    const entity = await this.repository.findBySlug(slug);
    return entity && Project.from(entity);
  }

  @Mutation(() => ProjectPayload, { nullable: true, description: 'Admins only.' })
  async createProject(@Args('input') input: CreateProjectInput, @Context() context: RequestContext): Promise<ProjectPayload> {
    return toPayload(await this.service.create(input, context));
  }

  @Mutation(() => ProjectPayload, { nullable: true, description: 'Admins only.' })
  async updateProject(@Args('input') input: UpdateProjectInput, @Context() context: RequestContext): Promise<ProjectPayload> {
    return toPayload(await this.service.update(input, context));
  }

  @ResolveField(() => ProjectPhase, { description: 'Whether the project has started or ended, by today in Italy.' })
  phase(project: Project): ProjectPhase {
    const today = todayInRome();
    if (project.startsOn > today) return ProjectPhase.UPCOMING;
    return project.endsOn < today ? ProjectPhase.ENDED : ProjectPhase.ACTIVE;
  }

  @ResolveField(() => [Territory])
  async territories(project: Project, _args: unknown, context: RequestContext): Promise<Territory[]> {
    const ids = await context.loaders.get(this.loaders.territoryIds).load(project.dbId);
    const territories = await context.loaders.get(this.territoryLoaders.byId).loadMany(ids);
    return territories.flatMap((t) => (t && !(t instanceof Error) ? [Territory.from(t)] : []));
  }

  @ResolveField(() => [ProjectPartner], { description: 'The partnership, lead first.' })
  async partners(project: Project, _args: unknown, context: RequestContext): Promise<ProjectPartner[]> {
    return (await context.loaders.get(this.loaders.partners).load(project.dbId)).map(ProjectPartner.from);
  }

  @ResolveField(() => [ProjectMember], { description: 'The team, leads first.' })
  async team(project: Project, _args: unknown, context: RequestContext): Promise<ProjectMember[]> {
    return (await context.loaders.get(this.loaders.team).load(project.dbId)).map(ProjectMember.from);
  }

  @ResolveField(() => Boolean)
  viewerCanEdit(_parent: unknown, _args: unknown, context: RequestContext): boolean | Promise<boolean> {
    return context.can(canManageDirectory);
  }

  @ResolveField(() => Boolean)
  async viewerCanManageTeam(project: Project, _args: unknown, context: RequestContext): Promise<boolean> {
    return context.can(async (viewer) =>
      canManageTeam(viewer, await context.loaders.get(this.loaders.team).load(project.dbId)),
    );
  }
}

export function toPayload(outcome: Outcome<ProjectEntity>): ProjectPayload {
  return outcome.ok ? { project: Project.from(outcome.value), userErrors: [] } : { project: null, userErrors: outcome.errors };
}
