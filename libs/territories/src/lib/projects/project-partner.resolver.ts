import { ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { OrganizationLoaders } from '../organizations/organization.loaders';
import { Organization } from '../organizations/organization.model';
import { ProjectPartner } from './project.model';

@Resolver(() => ProjectPartner)
export class ProjectPartnerResolver {
  constructor(private readonly organizationLoaders: OrganizationLoaders) {}

  @ResolveField(() => Organization)
  async organization(partner: ProjectPartner, _args: unknown, context: RequestContext): Promise<Organization> {
    const organization = await context.loaders.get(this.organizationLoaders.byId).load(partner.organizationDbId);
    if (!organization) throw new Error(`Partner organization ${partner.organizationDbId} is missing`);
    return Organization.from(organization);
  }
}
