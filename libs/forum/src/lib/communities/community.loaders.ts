import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys } from '@bottega/core';
import type { CommunityEntity } from './community.entity';
import { CommunityRepository } from './community.repository';

@Injectable()
export class CommunityLoaders {
  readonly byId: LoaderFactory<string, CommunityEntity | null>;

  constructor(communities: CommunityRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await communities.findByIds(ids), (c) => c.id));
  }
}
