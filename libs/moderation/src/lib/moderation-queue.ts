import { Injectable } from '@nestjs/common';
import {
  AccessDirectory,
  COORDINATOR,
  ForbiddenError,
  NodeRegistry,
  NotFoundError,
  fromGlobalId,
  isStaff,
  paginate,
  type ConnectionValue,
  type RequestContext,
} from '@bottega/core';
import type { ModerationQueueArgs } from './dto/moderation.inputs';
import { ModerationCaseStatus } from './moderation.enums';
import { ModerationCase } from './moderation.model';
import { canReviewFlags } from './moderation.policy';
import { ModerationRepository } from './moderation.repository';

/** The queue of flagged items: everything for staff, their communities' items for coordinators. */
@Injectable()
export class ModerationQueue {
  constructor(
    private readonly repository: ModerationRepository,
    private readonly directory: AccessDirectory,
    private readonly nodes: NodeRegistry,
  ) {}

  async cases(args: ModerationQueueArgs, context: RequestContext): Promise<ConnectionValue<ModerationCase>> {
    const viewer = await context.requireViewer();
    const principals = await this.directory.of(context);
    let communityId: string | null = null;
    if (args.filter?.community) {
      const globalId = args.filter.community;
      communityId = fromGlobalId(globalId, 'Community', ['filter', 'community']);
      // Through `node`, so a community the viewer may not read stays unknown.
      const [community] = (await this.nodes.loaderFor('Community')?.([communityId], context)) ?? [];
      if (!community) throw new NotFoundError('Community', globalId);
      if (!principals.holds(COORDINATOR, communityId) && !isStaff(viewer)) {
        throw new ForbiddenError('Only the coordinators of this community and site moderators see its moderation queue.');
      }
    } else if (!canReviewFlags(viewer, principals)) {
      throw new ForbiddenError('The moderation queue is for coordinators and site moderators.');
    }
    const query = this.repository.queue(principals, { communityId, status: args.filter?.status ?? ModerationCaseStatus.PENDING });
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
