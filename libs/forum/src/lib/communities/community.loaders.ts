import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys } from '@bottega/core';
import type { CommunityEntity, CommunityMembershipEntity } from './community.entity';
import { CommunityRepository } from './community.repository';

/** Key of a (community, user) pair for the per-viewer loaders. */
export const pairKey = (communityId: string, userId: string): string => `${communityId}|${userId}`;

/** Loads for each user the rows of the communities asked, in one query per user. */
function perUser<R extends { communityId: string }>(
  load: (userId: string, communityIds: string[]) => Promise<R[]>,
): LoaderFactory<string, R | null> {
  return new LoaderFactory(async (keys) => {
    const byUser = new Map<string, string[]>();
    for (const key of keys) {
      const [communityId = '', userId = ''] = key.split('|');
      byUser.set(userId, [...(byUser.get(userId) ?? []), communityId]);
    }
    const rows = (
      await Promise.all([...byUser].map(async ([userId, ids]) => (await load(userId, ids)).map((row) => ({ userId, row }))))
    ).flat();
    return byKeys(keys, rows, ({ userId, row }) => pairKey(row.communityId, userId)).map((found) => found?.row ?? null);
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
    this.membership = perUser((userId, ids) => communities.membershipsOf(userId, ids));
    this.invitation = perUser((userId, ids) => communities.invitationsOf(userId, ids));
  }
}
