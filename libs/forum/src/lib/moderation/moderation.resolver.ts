import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ConnectionValue, RequestContext } from '@bottega/core';
import { Post, PostPayload } from '../posts/post.model';
import { FlagContentInput, ModerateInput, ModerationQueueArgs, RedactRevisionInput } from './dto/moderation.inputs';
import { ModeratedContentLocator } from './moderated-content';
import { ModerationQueue } from './moderation-queue';
import { ContentFlag, FlagContentPayload, ModeratePayload, ModerationCase, ModerationCaseConnection } from './moderation.model';
import { ModerationService } from './moderation.service';
import { RevisionRedaction } from './revision-redaction.service';

@Resolver()
export class ModerationResolver {
  constructor(
    private readonly service: ModerationService,
    private readonly queue: ModerationQueue,
    private readonly contents: ModeratedContentLocator,
    private readonly redaction: RevisionRedaction,
  ) {}

  @Mutation(() => FlagContentPayload, { nullable: true,
    description:
      'Flags a post or thread for the moderators, once per person per item. Flags weigh by trust (see `ContentFlag.weight`); ' +
      'when the pending ones weigh enough, the item is hidden until a moderator decides, and its author is told.',
  })
  async flagContent(@Args('input') input: FlagContentInput, @Context() context: RequestContext): Promise<FlagContentPayload> {
    const outcome = await this.service.flag(input, context);
    return outcome.ok ? { flag: ContentFlag.from(outcome.value), userErrors: [] } : { flag: null, userErrors: outcome.errors };
  }

  @Mutation(() => ModeratePayload, { nullable: true,
    description: 'Decides on a post or thread and resolves its flags. Coordinators in their communities, moderators and admins everywhere.',
  })
  async moderate(@Args('input') input: ModerateInput, @Context() context: RequestContext): Promise<ModeratePayload> {
    const outcome = await this.service.moderate(input, context);
    if (!outcome.ok) return { content: null, userErrors: outcome.errors };
    return { content: await this.contents.current(context, outcome.value), userErrors: [] };
  }

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

  @Query(() => ModerationCaseConnection, {
    description: 'Flagged posts and threads, most recently flagged first. Coordinators see their communities, moderators and admins all.',
  })
  moderationQueue(@Args() args: ModerationQueueArgs, @Context() context: RequestContext): Promise<ConnectionValue<ModerationCase>> {
    return this.queue.cases(args, context);
  }
}
