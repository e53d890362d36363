import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { ModerationCase, canFlag } from '@bottega/moderation';
import { CommunityLoaders } from '../communities/community.loaders';
import { Community } from '../communities/community.model';
import { Post, PostPayload } from '../posts/post.model';
import { ThreadAccess } from '../threads/thread.access';
import { Thread } from '../threads/thread.model';
import { RedactRevisionInput } from './dto/redaction.inputs';
import { postItem, threadItem } from '../content/forum-content';
import { canModerateContent, canRedactRevisions } from './forum-moderation.policy';
import { RevisionRedaction } from './revision-redaction.service';

/** What the viewer may do about a post, by the same policies `flagContent` and `moderate` apply. */
@Resolver(() => Post)
export class PostModerationResolver {
  constructor(private readonly access: ThreadAccess) {}

  @ResolveField(() => Boolean, { description: 'Whether the viewer may flag this post (not their own, not deleted).' })
  async viewerCanFlag(post: Post, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, post.entity.threadId);
    return found !== null && context.can((viewer) => canFlag(viewer, postItem(found, post.entity)));
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may hide, restore or delete this post with `moderate`.' })
  async viewerCanModerate(post: Post, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, post.entity.threadId);
    return found !== null && context.can((viewer) => canModerateContent(viewer, found.facts));
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may remove the text of this post’s earlier versions with `redactRevision`.' })
  async viewerCanRedactRevisions(post: Post, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, post.entity.threadId);
    return found !== null && context.can((viewer) => canRedactRevisions(viewer, found.facts));
  }
}

@Resolver(() => Thread)
export class ThreadModerationResolver {
  constructor(private readonly access: ThreadAccess) {}

  @ResolveField(() => Boolean, { description: 'Whether the viewer may flag this thread (not their own).' })
  async viewerCanFlag(thread: Thread, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, thread.dbId);
    return found !== null && context.can((viewer) => canFlag(viewer, threadItem(found)));
  }
}

/** The community of a case, for content that lives in one. */
@Resolver(() => ModerationCase)
export class ModerationCaseCommunityResolver {
  constructor(private readonly loaders: CommunityLoaders) {}

  @ResolveField(() => Community, { nullable: true, description: 'The community the item is in; null for content outside any community.' })
  async community(moderationCase: ModerationCase, _args: unknown, context: RequestContext): Promise<Community | null> {
    const id = moderationCase.entity.communityId;
    const community = id ? await context.loaders.get(this.loaders.byId).load(id) : null;
    return community && Community.from(community);
  }
}

@Resolver()
export class RevisionRedactionResolver {
  constructor(private readonly redaction: RevisionRedaction) {}

  @Mutation(() => PostPayload, {
    nullable: true,
    description:
      'Removes the text of an earlier version of a post for good (personal data edited out of the post but still in its history); ' +
      'the audit log keeps who, when, which version and why, not the text. Coordinators in their communities, moderators and admins everywhere.',
  })
  async redactRevision(@Args('input') input: RedactRevisionInput, @Context() context: RequestContext): Promise<PostPayload> {
    const outcome = await this.redaction.redact(input, context);
    return outcome.ok ? { post: Post.from(outcome.value), userErrors: [] } : { post: null, userErrors: outcome.errors };
  }
}
