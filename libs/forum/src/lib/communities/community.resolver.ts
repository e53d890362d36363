import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  ConnectionArgs,
  fromGlobalId,
  paginate,
  type ConnectionValue,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { Territory, TerritoryLoaders } from '@bottega/territories';
import { CommunityAccess } from './community.access';
import type { CommunityEntity } from './community.entity';
import { CommunityMembershipService } from './community-membership.service';
import { CommunityRole } from './community.enums';
import { Community, CommunityConnection, CommunityMember, CommunityMemberConnection, CommunityPayload } from './community.model';
import { canCoordinate, canJoin, viewerRole } from './community.policy';
import { CommunityRepository } from './community.repository';
import { CommunityService } from './community.service';
import {
  CommunitiesArgs,
  CommunityIdInput,
  CommunityMemberInput,
  CreateCommunityInput,
  SetCommunityRoleInput,
  UpdateCommunityInput,
} from './dto/community.inputs';

@Resolver(() => Community)
export class CommunityResolver {
  constructor(
    private readonly repository: CommunityRepository,
    private readonly service: CommunityService,
    private readonly membership: CommunityMembershipService,
    private readonly access: CommunityAccess,
    private readonly territoryLoaders: TerritoryLoaders,
  ) {}

  @Query(() => CommunityConnection, { description: 'Communities the viewer may read, by name.' })
  async communities(@Args() args: CommunitiesArgs, @Context() context: RequestContext): Promise<ConnectionValue<Community>> {
    const { filter } = args;
    const query = this.repository.readableBy(await this.access.principals(context), {
      territoryId: filter?.territory ? fromGlobalId(filter.territory, 'Territory', ['filter', 'territory']) : null,
      kind: filter?.kind ?? null,
      joined: filter?.joined ?? false,
    });
    return paginate(
      query,
      [
        { expression: 'lower(community.name)', direction: 'ASC', value: (c) => c.name.toLowerCase() },
        { expression: 'community.id', direction: 'ASC', value: (c) => c.id },
      ],
      args,
      Community.from,
    );
  }

  @Query(() => Community, { nullable: true, description: 'Null when unknown or not visible to the viewer.' })
  async community(@Args('slug') slug: string, @Context() context: RequestContext): Promise<Community | null> {
    const entity = await this.repository.findBySlug(slug);
    return entity && (await this.access.canRead(context, entity)) ? Community.from(entity) : null;
  }

  @Mutation(() => CommunityPayload, { nullable: true, description: 'Admins and moderators; the creator becomes its first coordinator.' })
  async createCommunity(@Args('input') input: CreateCommunityInput, @Context() context: RequestContext): Promise<CommunityPayload> {
    return payload(await this.service.create(input, context));
  }

  @Mutation(() => CommunityPayload, { nullable: true, description: 'Coordinators and site staff.' })
  async updateCommunity(@Args('input') input: UpdateCommunityInput, @Context() context: RequestContext): Promise<CommunityPayload> {
    return payload(await this.service.update(input, context));
  }

  @Mutation(() => CommunityPayload, { nullable: true, description: 'Public and members-only communities are open; private ones need an invitation.' })
  async joinCommunity(@Args('input') input: CommunityIdInput, @Context() context: RequestContext): Promise<CommunityPayload> {
    return payload(await this.membership.join(input.communityId, context));
  }

  @Mutation(() => CommunityPayload, { nullable: true, description: 'The last coordinator cannot leave.' })
  async leaveCommunity(@Args('input') input: CommunityIdInput, @Context() context: RequestContext): Promise<CommunityPayload> {
    return payload(await this.membership.leave(input.communityId, context));
  }

  @Mutation(() => CommunityPayload, { nullable: true, description: 'Coordinators invite people; an invitation lets them see and join a private community.' })
  async inviteToCommunity(@Args('input') input: CommunityMemberInput, @Context() context: RequestContext): Promise<CommunityPayload> {
    return payload(await this.membership.invite(input, context));
  }

  @Mutation(() => CommunityPayload, { nullable: true, description: 'Coordinators make members coordinators, or back.' })
  async setCommunityRole(@Args('input') input: SetCommunityRoleInput, @Context() context: RequestContext): Promise<CommunityPayload> {
    return payload(await this.membership.setRole(input, context));
  }

  @Mutation(() => CommunityPayload, { nullable: true, description: 'Coordinators remove a member.' })
  async removeCommunityMember(@Args('input') input: CommunityMemberInput, @Context() context: RequestContext): Promise<CommunityPayload> {
    return payload(await this.membership.remove(input, context));
  }

  @ResolveField(() => Territory, { nullable: true })
  async territory(community: Community, _args: unknown, context: RequestContext): Promise<Territory | null> {
    if (!community.territoryDbId) return null;
    const territory = await context.loaders.get(this.territoryLoaders.byId).load(community.territoryDbId);
    return territory && Territory.from(territory);
  }

  @ResolveField(() => CommunityMemberConnection, { description: 'Coordinators first, then by joining date.' })
  members(@Parent() community: Community, @Args() args: ConnectionArgs): Promise<ConnectionValue<CommunityMember>> {
    return paginate(
      this.repository.members(community.dbId),
      [
        { expression: "(CASE WHEN member.role = 'COORDINATOR' THEN 1 ELSE 0 END)", direction: 'DESC', value: (m) => (m.role === CommunityRole.COORDINATOR ? 1 : 0) },
        { expression: 'member.joinedAt', direction: 'ASC', value: (m) => m.joinedAt.toISOString() },
        { expression: 'member.userId', direction: 'ASC', value: (m) => m.userId },
      ],
      args,
      CommunityMember.from,
    );
  }

  @ResolveField(() => CommunityRole, { nullable: true, description: 'The viewer’s role here; null when not a member.' })
  async viewerRole(community: Community, _args: unknown, context: RequestContext): Promise<CommunityRole | null> {
    return viewerRole(await this.access.facts(context, { id: community.dbId, visibility: community.visibility }));
  }

  @ResolveField(() => Boolean)
  async viewerCanJoin(community: Community, _args: unknown, context: RequestContext): Promise<boolean> {
    const facts = await this.access.facts(context, { id: community.dbId, visibility: community.visibility });
    return context.can(() => canJoin(facts));
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer runs this community (members, pins, locks, moderation).' })
  async viewerCanModerate(community: Community, _args: unknown, context: RequestContext): Promise<boolean> {
    const facts = await this.access.facts(context, { id: community.dbId, visibility: community.visibility });
    return context.can((viewer) => canCoordinate(viewer, facts));
  }
}

function payload(outcome: Outcome<CommunityEntity>): CommunityPayload {
  return outcome.ok ? { community: Community.from(outcome.value), userErrors: [] } : { community: null, userErrors: outcome.errors };
}
