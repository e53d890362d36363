import { Injectable } from '@nestjs/common';
import { LoaderFactory, byKeys, groupByKeys } from '@bottega/core';
import type { ProjectEntity, ProjectMemberEntity, ProjectPartnerEntity } from './project.entity';
import { ProjectRepository } from './project.repository';

@Injectable()
export class ProjectLoaders {
  readonly byId: LoaderFactory<string, ProjectEntity | null>;
  readonly territoryIds: LoaderFactory<string, string[]>;
  readonly partners: LoaderFactory<string, ProjectPartnerEntity[]>;
  readonly team: LoaderFactory<string, ProjectMemberEntity[]>;

  constructor(projects: ProjectRepository) {
    this.byId = new LoaderFactory(async (ids) => byKeys(ids, await projects.findByIds(ids), (p) => p.id));
    this.territoryIds = new LoaderFactory(async (ids) =>
      groupByKeys(ids, await projects.territoriesOf(ids), (row) => row.projectId).map((rows) =>
        rows.map((row) => row.territoryId),
      ),
    );
    this.partners = new LoaderFactory(async (ids) =>
      groupByKeys(ids, await projects.partnersOf(ids), (row) => row.projectId),
    );
    this.team = new LoaderFactory(async (ids) => groupByKeys(ids, await projects.membersOf(ids), (row) => row.projectId));
  }
}
