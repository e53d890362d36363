import { Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessDirectory, NodeRegistry, type RequestContext } from '@bottega/core';
import { ModerationModule } from '@bottega/moderation';
import { FollowSubjectType, FollowTargets, NotificationsModule } from '@bottega/notifications';
import { TerritoriesModule } from '@bottega/territories';
import { CommunityAccess } from './communities/community.access';
import { COMMUNITY_PRINCIPALS } from './communities/community.audience';
import { CommunityEntity, CommunityInvitationEntity, CommunityMembershipEntity } from './communities/community.entity';
import { CommunityLoaders } from './communities/community.loaders';
import { CommunityMemberResolver } from './communities/community-member.resolver';
import { CommunityMembershipService } from './communities/community-membership.service';
import { Community } from './communities/community.model';
import { CommunityRepository } from './communities/community.repository';
import { CommunityResolver } from './communities/community.resolver';
import { CommunityService } from './communities/community.service';
import type { ForumOptions } from './forum.options';
import { ForumContent } from './content/forum-content';
import { MODERATION_PROVIDERS } from './moderation/moderation.providers';
import { PostEntity, PostReactionEntity, PostRevisionEntity } from './posts/post.entity';
import { MarkdownPreviewResolver } from './posts/markdown-preview.resolver';
import { PostBodyRenderer } from './posts/post-body.renderer';
import { PostLoaders } from './posts/post.loaders';
import { Post } from './posts/post.model';
import { PostRepository } from './posts/post.repository';
import { PostResolver } from './posts/post.resolver';
import { PostService } from './posts/post.service';
import { UserPostsResolver } from './posts/user-posts.resolver';
import { ForumSubscriptionsResolver } from './realtime/forum-subscriptions.resolver';
import { CompanionThreads } from './threads/companion-threads';
import { ThreadManagementService } from './threads/thread-management.service';
import { ThreadAccess } from './threads/thread.access';
import { ContentReaders } from './threads/thread.audience';
import { TagEntity, ThreadEntity } from './threads/thread.entity';
import { ThreadLoaders } from './threads/thread.loaders';
import { ThreadNotifier } from './threads/thread.notifier';
import { Thread } from './threads/thread.model';
import { ThreadRepository } from './threads/thread.repository';
import { ThreadResolver } from './threads/thread.resolver';
import { ThreadService } from './threads/thread.service';

/** Communities and their discussions. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      CommunityEntity,
      CommunityMembershipEntity,
      CommunityInvitationEntity,
      ThreadEntity,
      TagEntity,
      PostEntity,
      PostRevisionEntity,
      PostReactionEntity,
    ]),
    TerritoriesModule,
    NotificationsModule,
  ],
  providers: [
    CommunityRepository,
    CommunityLoaders,
    CommunityAccess,
    CommunityService,
    CommunityMembershipService,
    CommunityResolver,
    CommunityMemberResolver,
    ThreadRepository,
    ThreadLoaders,
    ThreadAccess,
    ThreadService,
    CompanionThreads,
    ThreadManagementService,
    ThreadNotifier,
    ContentReaders,
    ThreadResolver,
    PostRepository,
    PostLoaders,
    PostBodyRenderer,
    PostService,
    PostResolver,
    MarkdownPreviewResolver,
    UserPostsResolver,
    ForumSubscriptionsResolver,
    ...MODERATION_PROVIDERS,
  ],
  exports: [CommunityAccess, CommunityLoaders, ThreadAccess, ThreadLoaders, PostLoaders, CompanionThreads],
})
export class ForumModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly loaders: CommunityLoaders,
    private readonly access: CommunityAccess,
    private readonly threadAccess: ThreadAccess,
    private readonly postLoaders: PostLoaders,
    private readonly directory: AccessDirectory,
    private readonly content: ForumContent,
    private readonly follows: FollowTargets,
  ) {}

  /** The forum with its configuration (moderation thresholds and limits). */
  static forRoot(options: ForumOptions): DynamicModule {
    return { module: ForumModule, imports: [ModerationModule.forRoot(options.moderation)] };
  }

  onModuleInit(): void {
    this.directory.register(COMMUNITY_PRINCIPALS);
    this.content.register();
    this.follows.register('Thread', FollowSubjectType.THREAD);
    this.follows.register('Community', FollowSubjectType.COMMUNITY);
    // Private communities resolve to null for those who may not read them.
    this.nodes.register('Community', Community, async (ids, context: RequestContext) => {
      const communities = await context.loaders.get(this.loaders.byId).loadMany(ids);
      return Promise.all(
        communities.map(async (c) =>
          c && !(c instanceof Error) && (await this.access.canRead(context, c)) ? Community.from(c) : null,
        ),
      );
    });
    // A thread or post is visible to its audience (see thread.audience.ts).
    this.nodes.register('Thread', Thread, (ids, context) =>
      Promise.all(
        ids.map(async (id) => {
          const found = await this.threadAccess.load(context, id);
          return found && Thread.from(found.thread);
        }),
      ),
    );
    this.nodes.register('Post', Post, async (ids, context) => {
      const posts = await context.loaders.get(this.postLoaders.byId).loadMany(ids);
      return Promise.all(
        posts.map(async (p) => (p && !(p instanceof Error) && (await this.threadAccess.load(context, p.threadId)) ? Post.from(p) : null)),
      );
    });
  }
}
