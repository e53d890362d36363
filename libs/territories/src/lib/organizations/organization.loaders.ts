import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys } from '@bottega/core';
import type { OrganizationEntity } from './organization.entity';
import { OrganizationRepository } from './organization.repository';

@Injectable()
export class OrganizationLoaders {
  readonly byId: LoaderFactory<string, OrganizationEntity | null>;

  constructor(organizations: OrganizationRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await organizations.findByIds(ids), (o) => o.id));
  }
}
