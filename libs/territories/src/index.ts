export { TerritoriesModule } from './lib/territories.module';
export { Territory, TerritoryLevel } from './lib/territories/territory.model';
export { TerritoryLoaders } from './lib/territories/territory.loaders';
