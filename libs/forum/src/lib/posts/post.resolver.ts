import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { Outcome, RequestContext } from '@bottega/core';
import { User, UserLoaders } from '@bottega/identity';
import { ThreadAccess } from '../threads/thread.access';
import { canSeeContent } from '../threads/thread.audience';
import { ThreadLoaders } from '../threads/thread.loaders';
import { Thread } from '../threads/thread.model';
import { DeletePostInput, EditPostInput, ReactInput, ReplyToThreadInput } from './dto/post.inputs';
import type { PostEntity } from './post.entity';
import { PostLoaders, reactionKey, reactionSummaries } from './post.loaders';
import { Post, PostPayload, PostRevision, ReactionSummary, type SeenReaction } from './post.model';
import { canDeletePost, canEditPost, canReadRevisions } from './post.policy';
import { PostService } from './post.service';

@Resolver(() => Post)
export class PostResolver {
  constructor(
    private readonly service: PostService,
    private readonly access: ThreadAccess,
    private readonly loaders: PostLoaders,
    private readonly threadLoaders: ThreadLoaders,
    private readonly userLoaders: UserLoaders,
  ) {}

  @Mutation(() => PostPayload, { nullable: true })
  async replyToThread(@Args('input') input: ReplyToThreadInput, @Context() context: RequestContext): Promise<PostPayload> {
    return payload(await this.service.reply(input, context));
  }

  @Mutation(() => PostPayload, { nullable: true, description: 'Replaces a post’s body, keeping every earlier version in `revisions`.' })
  async editPost(@Args('input') input: EditPostInput, @Context() context: RequestContext): Promise<PostPayload> {
    return payload(await this.service.edit(input, context));
  }

  @Mutation(() => PostPayload, { nullable: true, description: 'Deletes a post; a placeholder stays in the thread.' })
  async deletePost(@Args('input') input: DeletePostInput, @Context() context: RequestContext): Promise<PostPayload> {
    return payload(await this.service.delete(input.postId, context));
  }

  @Mutation(() => PostPayload, { nullable: true, description: 'Adds (or with on: false removes) the viewer’s reaction of one kind.' })
  async react(@Args('input') input: ReactInput, @Context() context: RequestContext): Promise<PostPayload> {
    return payload(await this.service.react(input, context));
  }

  // Body fields answer synchronously unless the post is hidden: a page has fifty of them.
  @ResolveField(() => String, { nullable: true, description: 'Sanitized HTML; null once deleted, and while hidden from the viewer.' })
  bodyHtml(post: Post, _args: unknown, context: RequestContext): string | null | Promise<string | null> {
    if (post.deleted) return null;
    if (!post.hidden) return post.entity.bodyHtml;
    return this.hiddenBodyVisible(post, context).then((visible) => (visible ? post.entity.bodyHtml : null));
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Markdown as written (for editing and quoting); null once deleted, and while hidden from the viewer.',
  })
  bodySource(post: Post, _args: unknown, context: RequestContext): string | null | Promise<string | null> {
    if (post.deleted) return null;
    const source = post.entity.bodySource ?? this.loadSource(post, context);
    if (!post.hidden) return source;
    return this.hiddenBodyVisible(post, context).then((visible) => (visible ? source : null));
  }

  @ResolveField(() => Thread)
  async thread(post: Post, _args: unknown, context: RequestContext): Promise<Thread> {
    const thread = await context.loaders.get(this.threadLoaders.byId).load(post.entity.threadId);
    if (!thread) throw new Error(`Post ${post.dbId} has no thread`);
    return Thread.from(thread);
  }

  @ResolveField(() => User, { nullable: true, description: 'Null when the account was removed.' })
  author(post: Post, _args: unknown, context: RequestContext): User | null | Promise<User | null> {
    return post.known ? post.known.author : this.userLoaders.user(context, post.entity.authorId);
  }

  @ResolveField(() => Post, { nullable: true, description: 'The post this one answers.' })
  async replyTo(post: Post, _args: unknown, context: RequestContext): Promise<Post | null> {
    const target = post.entity.replyToId && (await context.loaders.get(this.loaders.byId).load(post.entity.replyToId));
    return target ? Post.from(target) : null;
  }

  @ResolveField(() => [ReactionSummary], { description: 'Every kind, with its count and whether the viewer reacted.' })
  reactions(post: Post, _args: unknown, context: RequestContext): SeenReaction[] | Promise<SeenReaction[]> {
    // Known for a page's posts, as its viewer sees them. Otherwise a personal value: readers who see the same
    // (they left the same reactions) can share a live update, which runs through a recording context.
    if (post.known?.reactions && !context.reads) return post.known.reactions;
    return context.personal(`reactions:${post.dbId}`, (own) => this.reactionsSeenBy(own, post.dbId));
  }

  @ResolveField(() => [PostRevision], {
    nullable: true,
    description:
      'Every version, newest first, for the post’s author, the community’s coordinators and staff; null for everyone else ' +
      '(an edit may have removed personal data on purpose). Empty once deleted.',
  })
  async revisions(post: Post, _args: unknown, context: RequestContext): Promise<PostRevision[] | null> {
    const found = await this.access.load(context, post.entity.threadId);
    if (!found || !canReadRevisions(await context.viewer(), found.facts, post.entity)) return null;
    if (post.deleted) return [];
    return (await context.loaders.get(this.loaders.revisions).load(post.dbId)).map(PostRevision.from);
  }

  @ResolveField(() => Boolean)
  async isAcceptedAnswer(post: Post, _args: unknown, context: RequestContext): Promise<boolean> {
    const thread = await context.loaders.get(this.threadLoaders.byId).load(post.entity.threadId);
    return thread?.acceptedPostId === post.dbId;
  }

  @ResolveField(() => Boolean)
  viewerCanEdit(post: Post, _args: unknown, context: RequestContext): boolean | Promise<boolean> {
    return context.can((viewer) => canEditPost(viewer, post.entity));
  }

  @ResolveField(() => Boolean)
  async viewerCanDelete(post: Post, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, post.entity.threadId);
    return found !== null && context.can((viewer) => canDeletePost(viewer, found.facts, post.entity));
  }

  private async reactionsSeenBy(context: RequestContext, postId: string): Promise<SeenReaction[]> {
    const viewer = await context.viewer();
    return reactionSummaries(await context.loaders.get(this.loaders.reactions).load(reactionKey(postId, viewer?.userId ?? null)));
  }

  /** The source of a post read without it (see `PostRow`). */
  private async loadSource(post: Post, context: RequestContext): Promise<string | null> {
    return (await context.loaders.get(this.loaders.byId).load(post.dbId))?.bodySource ?? null;
  }

  /** A hidden post's body shows only to those who may see hidden content. */
  private async hiddenBodyVisible(post: Post, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, post.entity.threadId);
    return found !== null && canSeeContent(found.facts, post.entity);
  }
}

function payload(outcome: Outcome<PostEntity>): PostPayload {
  return outcome.ok ? { post: Post.from(outcome.value), userErrors: [] } : { post: null, userErrors: outcome.errors };
}
