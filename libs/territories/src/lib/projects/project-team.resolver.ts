import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { Outcome, RequestContext } from '@bottega/core';
import { User, UserLoaders } from '@bottega/identity';
import { AddProjectMemberInput, RemoveProjectMemberInput, UpdateProjectMemberInput } from './dto/team.inputs';
import { ProjectLoaders } from './project.loaders';
import { Project, ProjectMember, ProjectPayload } from './project.model';
import { ProjectTeamService } from './project-team.service';

@Resolver(() => ProjectMember)
export class ProjectTeamResolver {
  constructor(
    private readonly team: ProjectTeamService,
    private readonly projectLoaders: ProjectLoaders,
    private readonly userLoaders: UserLoaders,
  ) {}

  @Mutation(() => ProjectPayload, { nullable: true, description: 'Project leads and admins.' })
  async addProjectMember(@Args('input') input: AddProjectMemberInput, @Context() context: RequestContext): Promise<ProjectPayload> {
    return this.payload(await this.team.add(input, context), context);
  }

  @Mutation(() => ProjectPayload, { nullable: true, description: 'Changes a member’s role or title. Project leads and admins.' })
  async updateProjectMember(
    @Args('input') input: UpdateProjectMemberInput,
    @Context() context: RequestContext,
  ): Promise<ProjectPayload> {
    return this.payload(await this.team.update(input, context), context);
  }

  @Mutation(() => ProjectPayload, { nullable: true, description: 'Project leads and admins; the last lead cannot be removed.' })
  async removeProjectMember(
    @Args('input') input: RemoveProjectMemberInput,
    @Context() context: RequestContext,
  ): Promise<ProjectPayload> {
    return this.payload(await this.team.remove(input, context), context);
  }

  @ResolveField(() => User)
  async user(member: ProjectMember, _args: unknown, context: RequestContext): Promise<User> {
    const user = await context.loaders.get(this.userLoaders.byId).load(member.userDbId);
    if (!user) throw new Error(`Team member ${member.userDbId} has no account`);
    return User.from(user);
  }

  private async payload(outcome: Outcome<string>, context: RequestContext): Promise<ProjectPayload> {
    if (!outcome.ok) return { project: null, userErrors: outcome.errors };
    const project = await context.loaders.get(this.projectLoaders.byId).load(outcome.value);
    return { project: project && Project.from(project), userErrors: [] };
  }
}
