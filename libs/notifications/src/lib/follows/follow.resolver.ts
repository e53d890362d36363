import { Args, Context, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Connection, ConnectionArgs, paginate, toGlobalId, type ConnectionValue, type RequestContext } from '@bottega/core';
import type { FollowEntity } from './follow.entity';
import { FollowSubjectType } from './follow.enums';
import { Follow, FollowInput, FollowPayload } from './follow.model';
import { FollowRepository } from './follow.repository';
import { FollowService } from './follow.service';

@ObjectType()
export class FollowConnection extends Connection(Follow, 'Follow') {}

const GLOBAL_TYPE: Record<Exclude<FollowSubjectType, FollowSubjectType.TAG>, string> = {
  [FollowSubjectType.THREAD]: 'Thread',
  [FollowSubjectType.COMMUNITY]: 'Community',
  [FollowSubjectType.TERRITORY]: 'Territory',
  [FollowSubjectType.PRACTICE]: 'Practice',
};

function toFollow(entity: FollowEntity): Follow {
  const tag = entity.subjectType === FollowSubjectType.TAG;
  return Object.assign(new Follow(), {
    type: entity.subjectType,
    subjectId: tag ? null : toGlobalId(GLOBAL_TYPE[entity.subjectType as keyof typeof GLOBAL_TYPE], entity.subjectKey),
    tag: tag ? entity.subjectKey : null,
    createdAt: entity.createdAt,
  });
}

@Resolver(() => Follow)
export class FollowResolver {
  constructor(
    private readonly service: FollowService,
    private readonly repository: FollowRepository,
  ) {}

  @Mutation(() => FollowPayload, { nullable: true, description: 'Get notified of new threads in a community, tag or territory, or of replies in a thread.' })
  async follow(@Args('input') input: FollowInput, @Context() context: RequestContext): Promise<FollowPayload> {
    const userErrors = await this.service.set(input, true, context);
    return { following: userErrors.length === 0, userErrors };
  }

  @Mutation(() => FollowPayload, { nullable: true })
  async unfollow(@Args('input') input: FollowInput, @Context() context: RequestContext): Promise<FollowPayload> {
    const userErrors = await this.service.set(input, false, context);
    return { following: false, userErrors };
  }

  @Query(() => FollowConnection, { description: 'What the viewer follows, latest first.' })
  async follows(@Args() args: ConnectionArgs, @Context() context: RequestContext): Promise<ConnectionValue<Follow>> {
    const viewer = await context.requireViewer();
    return paginate(
      this.repository.of(viewer.userId),
      [
        { expression: 'follow.createdAt', direction: 'DESC', value: (f) => f.createdAt.toISOString() },
        { expression: 'follow.subjectType', direction: 'DESC', value: (f) => f.subjectType },
        { expression: 'follow.subjectKey', direction: 'DESC', value: (f) => f.subjectKey },
      ],
      args,
      toFollow,
    );
  }
}
