import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ConnectionValue, RequestContext } from '@bottega/core';
import { FlagContentInput, ModerateInput, ModerationQueueArgs } from './dto/moderation.inputs';
import { ModerationQueue } from './moderation-queue';
import { ContentFlag, FlagContentPayload, ModeratePayload, ModerationCase, ModerationCaseConnection } from './moderation.model';
import { ModerationService } from './moderation.service';

@Resolver()
export class ModerationResolver {
  constructor(
    private readonly service: ModerationService,
    private readonly queue: ModerationQueue,
  ) {}

  @Mutation(() => FlagContentPayload, { nullable: true,
    description:
      'Flags a piece of content (a post, thread, practice or story, practice comment or competence profile) for its moderators, once per person per item. Flags weigh by trust (see `ContentFlag.weight`); ' +
      'when the pending ones weigh enough, the item is hidden until a moderator decides, and its author is told.',
  })
  async flagContent(@Args('input') input: FlagContentInput, @Context() context: RequestContext): Promise<FlagContentPayload> {
    const outcome = await this.service.flag(input, context);
    return outcome.ok ? { flag: ContentFlag.from(outcome.value), userErrors: [] } : { flag: null, userErrors: outcome.errors };
  }

  @Mutation(() => ModeratePayload, { nullable: true,
    description: 'Decides on a piece of flagged content (a post, thread, practice or story, practice comment or competence profile) and resolves its flags. ' +
      'Its moderators: coordinators in their communities (a practice’s reviewers), moderators and admins everywhere.',
  })
  async moderate(@Args('input') input: ModerateInput, @Context() context: RequestContext): Promise<ModeratePayload> {
    const outcome = await this.service.moderate(input, context);
    if (!outcome.ok) return { content: null, userErrors: outcome.errors };
    const { kind, item } = outcome.value;
    return { content: await kind.present(context, item.id), userErrors: [] };
  }

  @Query(() => ModerationCaseConnection, {
    description: 'Flagged content of every kind (posts, threads, practices and stories, practice comments, profiles), most recently flagged first. Coordinators see their communities, moderators and admins all.',
  })
  moderationQueue(@Args() args: ModerationQueueArgs, @Context() context: RequestContext): Promise<ConnectionValue<ModerationCase>> {
    return this.queue.cases(args, context);
  }
}
