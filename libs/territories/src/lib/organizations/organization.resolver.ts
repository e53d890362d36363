import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { fromGlobalId, paginate, type ConnectionValue, type RequestContext } from '@bottega/core';
import { canManageDirectory } from '../directory.policy';
import { TerritoryLoaders } from '../territories/territory.loaders';
import { Territory } from '../territories/territory.model';
import { CreateOrganizationInput, OrganizationsArgs, UpdateOrganizationInput } from './dto/organization.inputs';
import { Organization, OrganizationConnection, OrganizationPayload } from './organization.model';
import { OrganizationRepository } from './organization.repository';
import { OrganizationService } from './organization.service';

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    private readonly repository: OrganizationRepository,
    private readonly service: OrganizationService,
    private readonly territoryLoaders: TerritoryLoaders,
  ) {}

  @Query(() => OrganizationConnection, { description: 'Organizations by name, filtered by territory (and below), kind or name prefix.' })
  organizations(@Args() args: OrganizationsArgs): Promise<ConnectionValue<Organization>> {
    const { filter } = args;
    const query = this.repository.query({
      territoryId: filter?.territory ? fromGlobalId(filter.territory, 'Territory', ['filter', 'territory']) : null,
      kinds: filter?.kinds ?? null,
      namePrefix: filter?.namePrefix ?? null,
    });
    return paginate(
      query,
      [
        { expression: 'lower(organization.name)', direction: 'ASC', value: (o) => o.name.toLowerCase() },
        { expression: 'organization.id', direction: 'ASC', value: (o) => o.id },
      ],
      args,
      Organization.from,
    );
  }

  @Mutation(() => OrganizationPayload, { nullable: true, description: 'Admins only.' })
  async createOrganization(
    @Args('input') input: CreateOrganizationInput,
    @Context() context: RequestContext,
  ): Promise<OrganizationPayload> {
    return toPayload(await this.service.create(input, context));
  }

  @Mutation(() => OrganizationPayload, { nullable: true, description: 'Admins only.' })
  async updateOrganization(
    @Args('input') input: UpdateOrganizationInput,
    @Context() context: RequestContext,
  ): Promise<OrganizationPayload> {
    return toPayload(await this.service.update(input, context));
  }

  @ResolveField(() => Territory, { nullable: true })
  async territory(organization: Organization, _args: unknown, context: RequestContext): Promise<Territory | null> {
    if (!organization.territoryDbId) return null;
    const territory = await context.loaders.get(this.territoryLoaders.byId).load(organization.territoryDbId);
    return territory && Territory.from(territory);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may edit this organization.' })
  viewerCanEdit(_parent: unknown, _args: unknown, context: RequestContext): boolean | Promise<boolean> {
    return context.can(canManageDirectory);
  }
}

function toPayload(outcome: Awaited<ReturnType<OrganizationService['create']>>): OrganizationPayload {
  return outcome.ok
    ? { organization: Organization.from(outcome.value), userErrors: [] }
    : { organization: null, userErrors: outcome.errors };
}
