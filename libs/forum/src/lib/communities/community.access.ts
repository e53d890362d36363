import { Injectable } from '@nestjs/common';
import { AccessDirectory, NotFoundError, fromGlobalId, type Principals, type RequestContext } from '@bottega/core';
import type { CommunityEntity } from './community.entity';
import { CommunityLoaders } from './community.loaders';
import { canRead, type CommunityAccessFacts } from './community.policy';

/**
 * The viewer's standing in communities (their principals, loaded once per
 * request), for every check that reads or guards community content.
 */
@Injectable()
export class CommunityAccess {
  constructor(
    private readonly loaders: CommunityLoaders,
    private readonly directory: AccessDirectory,
  ) {}

  /** What the viewer is, for SQL conditions over many communities' content. */
  principals(context: RequestContext): Promise<Principals> {
    return this.directory.of(context);
  }

  async facts(context: RequestContext, community: Pick<CommunityEntity, 'id' | 'visibility'>): Promise<CommunityAccessFacts> {
    return { community: { id: community.id, visibility: community.visibility }, principals: await this.directory.of(context) };
  }

  async canRead(context: RequestContext, community: CommunityEntity): Promise<boolean> {
    return canRead(await this.facts(context, community));
  }

  /** A community the viewer may read; NOT_FOUND otherwise, so private ones are not revealed. */
  async readable(context: RequestContext, globalId: string, field: string[]): Promise<CommunityEntity> {
    const id = fromGlobalId(globalId, 'Community', field);
    const community = await context.loaders.get(this.loaders.byId).load(id);
    if (!community || !(await this.canRead(context, community))) throw new NotFoundError('Community', globalId);
    return community;
  }
}
