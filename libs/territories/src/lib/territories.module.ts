import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NodeRegistry, publicNodeLoad } from '@bottega/core';
import { OrganizationEntity } from './organizations/organization.entity';
import { OrganizationLoaders } from './organizations/organization.loaders';
import { Organization } from './organizations/organization.model';
import { OrganizationRepository } from './organizations/organization.repository';
import { OrganizationResolver } from './organizations/organization.resolver';
import { OrganizationService } from './organizations/organization.service';
import { ProjectEntity, ProjectMemberEntity, ProjectPartnerEntity, ProjectTerritoryEntity } from './projects/project.entity';
import { ProjectLoaders } from './projects/project.loaders';
import { Project } from './projects/project.model';
import { ProjectPartnerResolver } from './projects/project-partner.resolver';
import { ProjectRepository } from './projects/project.repository';
import { ProjectResolver } from './projects/project.resolver';
import { ProjectService } from './projects/project.service';
import { ProjectTeamResolver } from './projects/project-team.resolver';
import { ProjectTeamService } from './projects/project-team.service';
import { TerritoryEntity } from './territories/territory.entity';
import { TerritoryLoaders } from './territories/territory.loaders';
import { Territory } from './territories/territory.model';
import { TerritoryRepository } from './territories/territory.repository';
import { TerritoryResolver } from './territories/territory.resolver';

/** Territories, organizations and projects (living labs): who works where, with whom. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      TerritoryEntity,
      OrganizationEntity,
      ProjectEntity,
      ProjectTerritoryEntity,
      ProjectPartnerEntity,
      ProjectMemberEntity,
    ]),
  ],
  providers: [
    TerritoryRepository,
    TerritoryLoaders,
    TerritoryResolver,
    OrganizationRepository,
    OrganizationLoaders,
    OrganizationService,
    OrganizationResolver,
    ProjectRepository,
    ProjectLoaders,
    ProjectService,
    ProjectTeamService,
    ProjectResolver,
    ProjectTeamResolver,
    ProjectPartnerResolver,
  ],
  exports: [TerritoryLoaders, OrganizationLoaders, ProjectLoaders],
})
export class TerritoriesModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly territories: TerritoryLoaders,
    private readonly organizations: OrganizationLoaders,
    private readonly projects: ProjectLoaders,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Territory', Territory, publicNodeLoad(this.territories.byId, Territory.from));
    this.nodes.register('Organization', Organization, publicNodeLoad(this.organizations.byId, Organization.from));
    this.nodes.register('Project', Project, publicNodeLoad(this.projects.byId, Project.from));
  }
}
