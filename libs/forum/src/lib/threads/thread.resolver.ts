import { Args, Context, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  AccessDirectory,
  ConnectionArgs,
  fromGlobalId,
  nodesSelect,
  paginate,
  slugify,
  toGlobalId,
  type ConnectionValue,
  type Outcome,
  type RequestContext,
  type SortKey,
} from '@bottega/core';
import { User, UserLoaders, userRowOf } from '@bottega/identity';
import { Territory, TerritoryLoaders } from '@bottega/territories';
import { CommunityLoaders } from '../communities/community.loaders';
import { Community } from '../communities/community.model';
import { Post, PostConnection } from '../posts/post.model';
import { PostLoaders, reactionKey, reactionSummaries } from '../posts/post.loaders';
import type { PostRow } from '../posts/post.entity';
import { PostRepository } from '../posts/post.repository';
import {
  AcceptAnswerInput,
  DeleteThreadInput,
  EditThreadInput,
  MoveThreadInput,
  StartThreadInput,
  ThreadFlagInput,
  ThreadOrder,
  ThreadsArgs,
} from './dto/thread.inputs';
import { ThreadManagementService } from './thread-management.service';
import { ThreadAccess } from './thread.access';
import type { ThreadEntity } from './thread.entity';
import { ThreadLoaders } from './thread.loaders';
import { DeleteThreadPayload, Thread, ThreadConnection, ThreadPayload } from './thread.model';
import { canAcceptAnswer, canDeleteThread, canEditThread, canModerateThread, canReply } from './thread.policy';
import { ThreadRepository } from './thread.repository';
import { ThreadService } from './thread.service';

const iso = (date: Date) => date.toISOString();
// `expression` is what cursors are bound to (it named the keys when lists were query builders); `column` is the SQL.
const ORDERS: Record<ThreadOrder, SortKey<ThreadEntity>[]> = {
  [ThreadOrder.LATEST_ACTIVITY]: [
    { expression: 'thread.lastActivityAt', column: 'thread.last_activity_at', direction: 'DESC', value: (t) => iso(t.lastActivityAt) },
  ],
  [ThreadOrder.NEWEST]: [{ expression: 'thread.createdAt', column: 'thread.created_at', direction: 'DESC', value: (t) => iso(t.createdAt) }],
  [ThreadOrder.MOST_ACTIVE]: [
    { expression: 'thread.postCount', column: 'thread.post_count', direction: 'DESC', value: (t) => t.postCount },
    { expression: 'thread.lastActivityAt', column: 'thread.last_activity_at', direction: 'DESC', value: (t) => iso(t.lastActivityAt) },
  ],
};
// The same expression as the community list indexes (see the thread-list-order migration).
const PINNED_FIRST: SortKey<ThreadEntity> = {
  expression: '(CASE WHEN thread.pinnedAt IS NULL THEN 0 ELSE 1 END)',
  column: '(CASE WHEN thread.pinned_at IS NULL THEN 0 ELSE 1 END)',
  direction: 'DESC',
  value: (t) => (t.pinnedAt ? 1 : 0),
};
const BY_ID: SortKey<ThreadEntity> = { expression: 'thread.id', column: 'thread.id', direction: 'DESC', value: (t) => t.id };
const POSTS_IN_ORDER: SortKey<PostRow>[] = [
  { expression: 'post.createdAt', column: 'post.created_at', direction: 'ASC', value: (p) => p.createdAt.toISOString() },
  { expression: 'post.id', column: 'post.id', direction: 'ASC', value: (p) => p.id },
];

@Resolver(() => Thread)
export class ThreadResolver {
  constructor(
    private readonly repository: ThreadRepository,
    private readonly service: ThreadService,
    private readonly management: ThreadManagementService,
    private readonly access: ThreadAccess,
    private readonly loaders: ThreadLoaders,
    private readonly communityLoaders: CommunityLoaders,
    private readonly postRepository: PostRepository,
    private readonly postLoaders: PostLoaders,
    private readonly userLoaders: UserLoaders,
    private readonly territoryLoaders: TerritoryLoaders,
    private readonly directory: AccessDirectory,
  ) {}

  @Query(() => ThreadConnection, { description: 'Threads the viewer may read, filtered and ordered.' })
  async threads(@Args() args: ThreadsArgs, @Context() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<Thread>> {
    const { filter } = args;
    const communityId = filter?.community ? fromGlobalId(filter.community, 'Community', ['filter', 'community']) : null;
    const query = this.repository.query(await this.directory.of(context), {
      communityId,
      tag: filter?.tag ? slugify(filter.tag, 40) : null,
      territoryId: filter?.territory ? fromGlobalId(filter.territory, 'Territory', ['filter', 'territory']) : null,
      kind: filter?.kind ?? null,
      answered: filter?.answered ?? null,
      locked: filter?.locked ?? null,
      authorId: filter?.author ? fromGlobalId(filter.author, 'User', ['filter', 'author']) : null,
    }, { withAuthor: nodesSelect(info, 'author') });
    const keys = [...(communityId ? [PINNED_FIRST] : []), ...ORDERS[args.orderBy], BY_ID];
    // Authors come with their threads when the page shows them: no statement of their own.
    const users = context.loaders.get(this.userLoaders.byId);
    return paginate(query, keys, args, (row) => {
      if (row.author === undefined) return Thread.from(row);
      const author = row.author && userRowOf(row.author);
      if (author) users.prime(author.id, author);
      return Object.assign(Thread.from(row), { known: { author: author && User.from(author) } });
    }, info);
  }

  @Mutation(() => ThreadPayload, { nullable: true, description: 'Starts a discussion or asks a question, with its first post.' })
  async startThread(@Args('input') input: StartThreadInput, @Context() context: RequestContext): Promise<ThreadPayload> {
    return payload(await this.service.start(input, context));
  }

  @Mutation(() => ThreadPayload, {
    nullable: true,
    description: 'Changes the title, tags or territories. The author until the thread is locked; coordinators and staff always.',
  })
  async editThread(@Args('input') input: EditThreadInput, @Context() context: RequestContext): Promise<ThreadPayload> {
    return payload(await this.service.edit(input, context));
  }

  @Mutation(() => DeleteThreadPayload, {
    nullable: true,
    description: 'Deletes a thread with its posts. Coordinators and staff; the author while nobody else has posted in it.',
  })
  async deleteThread(@Args('input') input: DeleteThreadInput, @Context() context: RequestContext): Promise<DeleteThreadPayload> {
    const outcome = await this.management.delete(input, context);
    return outcome.ok
      ? { deletedThreadId: toGlobalId('Thread', outcome.value), userErrors: [] }
      : { deletedThreadId: null, userErrors: outcome.errors };
  }

  @Mutation(() => ThreadPayload, { nullable: true, description: 'Moves a thread to another community. Coordinators of both, and staff.' })
  async moveThread(@Args('input') input: MoveThreadInput, @Context() context: RequestContext): Promise<ThreadPayload> {
    return payload(await this.management.move(input, context));
  }

  @Mutation(() => ThreadPayload, {
    nullable: true,
    description: 'Closes a thread to replies, except from its coordinators and staff (on: false reopens it). Coordinators and staff; audited.',
  })
  async lockThread(@Args('input') input: ThreadFlagInput, @Context() context: RequestContext): Promise<ThreadPayload> {
    return payload(await this.management.setLocked(input, context));
  }

  @Mutation(() => ThreadPayload, {
    nullable: true,
    description: 'Keeps a thread at the top of its community (on: false unpins). Coordinators and staff; audited.',
  })
  async pinThread(@Args('input') input: ThreadFlagInput, @Context() context: RequestContext): Promise<ThreadPayload> {
    return payload(await this.management.setPinned(input, context));
  }

  @Mutation(() => ThreadPayload, {
    nullable: true,
    description: 'Marks a reply as the answer to a question (accepted: false withdraws it). The asker and coordinators.',
  })
  async acceptAnswer(@Args('input') input: AcceptAnswerInput, @Context() context: RequestContext): Promise<ThreadPayload> {
    return payload(await this.service.acceptAnswer(input, context));
  }

  @ResolveField(() => Community)
  async community(thread: Thread, _args: unknown, context: RequestContext): Promise<Community> {
    const community = await context.loaders.get(this.communityLoaders.byId).load(thread.entity.communityId);
    if (!community) throw new Error(`Thread ${thread.dbId} has no community`);
    return Community.from(community);
  }

  @ResolveField(() => User, { nullable: true, description: 'Null when the account was removed.' })
  author(thread: Thread, _args: unknown, context: RequestContext): User | null | Promise<User | null> {
    return thread.known ? thread.known.author : this.userLoaders.user(context, thread.entity.authorId);
  }

  @ResolveField(() => [String])
  tags(thread: Thread, _args: unknown, context: RequestContext): string[] | Promise<string[]> {
    return thread.tagSlugs ?? context.loaders.get(this.loaders.tags).load(thread.dbId);
  }

  @ResolveField(() => [Territory])
  async territories(thread: Thread, _args: unknown, context: RequestContext): Promise<Territory[]> {
    const ids = await context.loaders.get(this.loaders.territoryIds).load(thread.dbId);
    const found = await context.loaders.get(this.territoryLoaders.byId).loadMany(ids);
    return found.flatMap((t) => (t && !(t instanceof Error) ? [Territory.from(t)] : []));
  }

  @ResolveField(() => Post, { nullable: true, description: 'The first post: the question or the opening of the discussion.' })
  async openingPost(thread: Thread, _args: unknown, context: RequestContext): Promise<Post | null> {
    const post = await context.loaders.get(this.loaders.openingPost).load(thread.dbId);
    return post && Post.from(post);
  }

  @ResolveField(() => Post, { nullable: true })
  async acceptedAnswer(thread: Thread, _args: unknown, context: RequestContext): Promise<Post | null> {
    if (!thread.entity.acceptedPostId) return null;
    const post = await context.loaders.get(this.postLoaders.byId).load(thread.entity.acceptedPostId);
    return post && Post.from(post);
  }

  @ResolveField(() => PostConnection, { description: 'All posts in reading order, deleted ones as placeholders.' })
  async posts(
    @Parent() thread: Thread,
    @Args() args: ConnectionArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Post>> {
    // Each post's author comes with it, and its reactions as the viewer sees them when the page shows them: no statements of their own.
    const viewerId = (await context.viewer())?.userId ?? null;
    const withReactions = nodesSelect(info, 'reactions');
    const users = context.loaders.get(this.userLoaders.byId);
    const reactions = context.loaders.get(this.postLoaders.reactions);
    const posts = this.postRepository.inThread(thread.dbId, {
      reactionsOf: withReactions ? { viewerId } : null,
      withSource: nodesSelect(info, 'bodySource'),
    });
    return paginate(posts, POSTS_IN_ORDER, args, (row) => {
      const author = row.author && userRowOf(row.author);
      if (author) users.prime(author.id, author);
      if (row.reactions) reactions.prime(reactionKey(row.id, viewerId), row.reactions);
      return Object.assign(Post.from(row), {
        known: { author: author && User.from(author), reactions: row.reactions && reactionSummaries(row.reactions) },
      });
    }, info);
  }

  @ResolveField(() => Boolean)
  async viewerCanReply(thread: Thread, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, thread.dbId);
    return found !== null && context.can((viewer) => canReply(viewer, found.facts, found.thread));
  }

  @ResolveField(() => Boolean)
  async viewerCanAcceptAnswer(thread: Thread, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, thread.dbId);
    return found !== null && context.can((viewer) => canAcceptAnswer(viewer, found.facts, found.thread));
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may change the title, tags and territories.' })
  async viewerCanEdit(thread: Thread, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, thread.dbId);
    return found !== null && context.can((viewer) => canEditThread(viewer, found.facts, found.thread));
  }

  @ResolveField(() => Boolean)
  async viewerCanDelete(thread: Thread, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, thread.dbId);
    return found !== null && context.can((viewer) => canDeleteThread(viewer, found.facts, found.thread));
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may lock and pin this thread.' })
  async viewerCanModerate(thread: Thread, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, thread.dbId);
    return found !== null && context.can((viewer) => canModerateThread(viewer, found.facts));
  }
}

function payload(outcome: Outcome<ThreadEntity>): ThreadPayload {
  return outcome.ok ? { thread: Thread.from(outcome.value), userErrors: [] } : { thread: null, userErrors: outcome.errors };
}
