import { DataSource } from 'typeorm';
import type { MigrationClass } from './migrate';

/** A bare connection for maintenance work (migrations, seeding, test databases). */
export function createMaintenanceDataSource(url: string, migrations: MigrationClass[]): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrations,
    logging: ['error'],
    extra: { max: 2 },
  });
}
