import { Injectable } from '@nestjs/common';
import { ForbiddenError, paginate, type ConnectionValue, type RequestContext } from '@bottega/core';
import { CommunityAccess } from '../communities/community.access';
import type { ModerationQueueArgs } from './dto/moderation.inputs';
import { ModerationCaseStatus } from './moderation.enums';
import { ModerationCase } from './moderation.model';
import { canModerateContent, canReviewFlags } from './moderation.policy';
import { ModerationRepository } from './moderation.repository';

/** The queue of flagged items: everything for staff, their communities' items for coordinators. */
@Injectable()
export class ModerationQueue {
  constructor(
    private readonly repository: ModerationRepository,
    private readonly communities: CommunityAccess,
  ) {}

  async cases(args: ModerationQueueArgs, context: RequestContext): Promise<ConnectionValue<ModerationCase>> {
    const viewer = await context.requireViewer();
    let communityId: string | null = null;
    if (args.filter?.community) {
      const community = await this.communities.readable(context, args.filter.community, ['filter', 'community']);
      if (!canModerateContent(viewer, await this.communities.facts(context, community))) {
        throw new ForbiddenError('Only the coordinators of this community and site moderators see its moderation queue.');
      }
      communityId = community.id;
    } else if (!canReviewFlags(viewer, await this.repository.coordinatesAny(viewer.userId))) {
      throw new ForbiddenError('The moderation queue is for coordinators and site moderators.');
    }
    const query = this.repository.queue(viewer, { communityId, status: args.filter?.status ?? ModerationCaseStatus.PENDING });
    return paginate(
      query,
      [
        { expression: 'mcase.lastFlaggedAt', direction: 'DESC', value: (c) => c.lastFlaggedAt.toISOString() },
        { expression: 'mcase.id', direction: 'DESC', value: (c) => c.id },
      ],
      args,
      ModerationCase.from,
    );
  }
}
