import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys } from '@bottega/core';
import type { CommunityEntity, CommunityMembershipEntity } from './community.entity';
import { CommunityRepository } from './community.repository';

/** Key of a (community, user) pair for the per-viewer loaders. */
export const pairKey = (communityId: string, userId: string): string => `${communityId}|${userId}`;

/** Loads rows for (community, user) pairs given as {@link pairKey}s, in one query. */
function byPair<R extends { communityId: string; userId: string }>(
  load: (pairs: { communityId: string; userId: string }[]) => Promise<R[]>,
): LoaderFactory<string, R | null> {
  return new LoaderFactory(async (keys) => {
    const pairs = keys.map((key) => {
      const [communityId = '', userId = ''] = key.split('|');
      return { communityId, userId };
    });
    return byKeys(keys, await load(pairs), (row) => pairKey(row.communityId, row.userId));
  });
}

@Injectable()
export class CommunityLoaders {
  readonly byId: LoaderFactory<string, CommunityEntity | null>;
  /** Keyed by {@link pairKey}. */
  readonly membership: LoaderFactory<string, CommunityMembershipEntity | null>;
  /** Keyed by {@link pairKey}. */
  readonly invitation: LoaderFactory<string, { communityId: string } | null>;

  constructor(communities: CommunityRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await communities.findByIds(ids), (c) => c.id));
    this.membership = byPair((pairs) => communities.membershipsOfPairs(pairs));
    this.invitation = byPair((pairs) => communities.invitationsOfPairs(pairs));
  }
}
