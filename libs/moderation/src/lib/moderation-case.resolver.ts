import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { User, UserLoaders } from '@bottega/identity';
import { ModerationSubjects } from './moderation-subjects';
import { ModerationLoaders } from './moderation.loaders';
import { ContentFlag, FlagReasonCount, FlaggedContent, ModerationCase } from './moderation.model';
import { LATEST_FLAGS } from './moderation.repository';

/** Fields of a case; everything loads in batches, so a queue page costs the same SQL however long it is. */
@Resolver(() => ModerationCase)
export class ModerationCaseResolver {
  constructor(
    private readonly loaders: ModerationLoaders,
    private readonly subjects: ModerationSubjects,
  ) {}

  @ResolveField(() => FlaggedContent, { nullable: true, description: 'The flagged content.' })
  content(moderationCase: ModerationCase, _args: unknown, context: RequestContext): Promise<object | null> {
    return this.subjects.present(context, moderationCase.entity);
  }

  @ResolveField(() => Boolean, { description: 'Whether the item is hidden now.' })
  async hidden(moderationCase: ModerationCase, _args: unknown, context: RequestContext): Promise<boolean> {
    return (await this.subjects.item(context, moderationCase.entity))?.hidden ?? false;
  }

  @ResolveField(() => Int, { description: 'Flags ever raised on the item (one per person).' })
  async flagCount(moderationCase: ModerationCase, _args: unknown, context: RequestContext): Promise<number> {
    return (await this.tallies(moderationCase, context)).reduce((sum, row) => sum + row.count, 0);
  }

  @ResolveField(() => Int, { description: 'Flags awaiting a decision.' })
  async pendingFlagCount(moderationCase: ModerationCase, _args: unknown, context: RequestContext): Promise<number> {
    return (await this.tallies(moderationCase, context)).reduce((sum, row) => sum + row.pending, 0);
  }

  @ResolveField(() => Int, { description: 'Summed weight of the pending flags; the item hides itself when it reaches the threshold.' })
  async pendingFlagWeight(moderationCase: ModerationCase, _args: unknown, context: RequestContext): Promise<number> {
    return (await this.tallies(moderationCase, context)).reduce((sum, row) => sum + row.pendingWeight, 0);
  }

  @ResolveField(() => [FlagReasonCount], { description: 'Reasons given, most frequent first.' })
  async reasons(moderationCase: ModerationCase, _args: unknown, context: RequestContext): Promise<FlagReasonCount[]> {
    return (await this.tallies(moderationCase, context)).map(({ reason, count }) => ({ reason, count }));
  }

  @ResolveField(() => [ContentFlag], { description: `The ${LATEST_FLAGS} latest flags, newest first; \`flagCount\` counts them all.` })
  async latestFlags(moderationCase: ModerationCase, _args: unknown, context: RequestContext): Promise<ContentFlag[]> {
    return (await context.loaders.get(this.loaders.latestFlags).load(moderationCase.entity.id)).map(ContentFlag.from);
  }

  private tallies(moderationCase: ModerationCase, context: RequestContext) {
    return context.loaders.get(this.loaders.tallies).load(moderationCase.entity.id);
  }
}

@Resolver(() => ContentFlag)
export class ContentFlagResolver {
  constructor(
    private readonly loaders: ModerationLoaders,
    private readonly subjects: ModerationSubjects,
    private readonly userLoaders: UserLoaders,
  ) {}

  @ResolveField(() => User, { nullable: true, description: 'Null when the account was removed.' })
  async flagger(flag: ContentFlag, _args: unknown, context: RequestContext): Promise<User | null> {
    const user = await context.loaders.get(this.userLoaders.byId).load(flag.flaggerDbId);
    return user && User.from(user);
  }

  @ResolveField(() => FlaggedContent, { nullable: true, description: 'What was flagged.' })
  async content(flag: ContentFlag, _args: unknown, context: RequestContext): Promise<object | null> {
    const moderationCase = await context.loaders.get(this.loaders.caseById).load(flag.caseDbId);
    return moderationCase && this.subjects.present(context, moderationCase);
  }
}
