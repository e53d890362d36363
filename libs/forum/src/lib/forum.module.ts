import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NodeRegistry, type RequestContext } from '@bottega/core';
import { TerritoriesModule } from '@bottega/territories';
import { CommunityAccess } from './communities/community.access';
import { CommunityEntity, CommunityInvitationEntity, CommunityMembershipEntity } from './communities/community.entity';
import { CommunityLoaders } from './communities/community.loaders';
import { CommunityMemberResolver } from './communities/community-member.resolver';
import { CommunityMembershipService } from './communities/community-membership.service';
import { Community } from './communities/community.model';
import { CommunityRepository } from './communities/community.repository';
import { CommunityResolver } from './communities/community.resolver';
import { CommunityService } from './communities/community.service';

/** Communities and their discussions. */
@Module({
  imports: [TypeOrmModule.forFeature([CommunityEntity, CommunityMembershipEntity, CommunityInvitationEntity]), TerritoriesModule],
  providers: [
    CommunityRepository,
    CommunityLoaders,
    CommunityAccess,
    CommunityService,
    CommunityMembershipService,
    CommunityResolver,
    CommunityMemberResolver,
  ],
  exports: [CommunityAccess, CommunityLoaders],
})
export class ForumModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly loaders: CommunityLoaders,
    private readonly access: CommunityAccess,
  ) {}

  onModuleInit(): void {
    // Private communities resolve to null for those who may not read them.
    this.nodes.register('Community', Community, async (ids, context: RequestContext) => {
      const communities = await context.loaders.get(this.loaders.byId).loadMany(ids);
      return Promise.all(
        communities.map(async (c) =>
          c && !(c instanceof Error) && (await this.access.canRead(context, c)) ? Community.from(c) : null,
        ),
      );
    });
  }
}
