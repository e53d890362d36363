import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ConnectionValue, RequestContext } from '@bottega/core';
import { FlagContentInput, ModerateInput, ModerationQueueArgs } from './dto/moderation.inputs';
import { ModeratedContentLocator } from './moderated-content';
import { ModerationQueue } from './moderation-queue';
import { ContentFlag, FlagContentPayload, ModeratePayload, ModerationCase, ModerationCaseConnection } from './moderation.model';
import { ModerationService } from './moderation.service';

@Resolver()
export class ModerationResolver {
  constructor(
    private readonly service: ModerationService,
    private readonly queue: ModerationQueue,
    private readonly contents: ModeratedContentLocator,
  ) {}

  @Mutation(() => FlagContentPayload, { nullable: true,
    description: 'Flags a post or thread for the moderators; enough flags hide it until they decide. Once per person per item.',
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

  @Query(() => ModerationCaseConnection, {
    description: 'Flagged posts and threads, most recently flagged first. Coordinators see their communities, moderators and admins all.',
  })
  moderationQueue(@Args() args: ModerationQueueArgs, @Context() context: RequestContext): Promise<ConnectionValue<ModerationCase>> {
    return this.queue.cases(args, context);
  }
}
