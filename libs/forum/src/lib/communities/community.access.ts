import { Injectable } from '@nestjs/common';
import { NotFoundError, fromGlobalId, type RequestContext, type Viewer } from '@bottega/core';
import type { CommunityEntity } from './community.entity';
import { CommunityLoaders, pairKey } from './community.loaders';
import { canRead, type CommunityAccessFacts } from './community.policy';

/**
 * The viewer's standing in communities, loaded once per request, for every
 * check that reads or guards community content.
 */
@Injectable()
export class CommunityAccess {
  constructor(private readonly loaders: CommunityLoaders) {}

  async facts(context: RequestContext, community: CommunityEntity): Promise<CommunityAccessFacts> {
    const viewer = await context.viewer();
    return this.factsFor(context, viewer, community);
  }

  async factsFor(context: RequestContext, viewer: Viewer | null, community: CommunityEntity): Promise<CommunityAccessFacts> {
    if (!viewer) return { visibility: community.visibility, viewerRole: null, invited: false };
    const key = pairKey(community.id, viewer.userId);
    const [membership, invitation] = await Promise.all([
      context.loaders.get(this.loaders.membership).load(key),
      context.loaders.get(this.loaders.invitation).load(key),
    ]);
    return { visibility: community.visibility, viewerRole: membership?.role ?? null, invited: invitation !== null };
  }

  async canRead(context: RequestContext, community: CommunityEntity): Promise<boolean> {
    return canRead(await context.viewer(), await this.facts(context, community));
  }

  /** A community the viewer may read; NOT_FOUND otherwise, so private ones are not revealed. */
  async readable(context: RequestContext, globalId: string, field: string[]): Promise<CommunityEntity> {
    const id = fromGlobalId(globalId, 'Community', field);
    const community = await context.loaders.get(this.loaders.byId).load(id);
    if (!community || !(await this.canRead(context, community))) throw new NotFoundError('Community', globalId);
    return community;
  }
}
