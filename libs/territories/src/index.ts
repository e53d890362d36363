export { TerritoriesModule } from './lib/territories.module';
export { Territory, TerritoryLevel } from './lib/territories/territory.model';
export { TerritoryLoaders } from './lib/territories/territory.loaders';
export { Organization, OrganizationKind } from './lib/organizations/organization.model';
export { OrganizationLoaders } from './lib/organizations/organization.loaders';
export { Project, PartnerRole, TeamRole } from './lib/projects/project.model';
export { ProjectLoaders } from './lib/projects/project.loaders';
export { seedDemoDirectory } from './seed/demo-directory';
export { territoryWithinSql } from './lib/territories/territory.repository';
