import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** A bare connection for maintenance work (migrations, seeding, test databases). */
export function createMaintenanceDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrations: MIGRATIONS,
    logging: ['error'],
    extra: { max: 2 },
  });
}
