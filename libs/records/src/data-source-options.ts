import type { DatabaseConfig } from '@dramaguard/config';
import type { DataSourceOptions } from 'typeorm';
import { REGISTRY_ENTITIES } from './entities';
import { REGISTRY_MIGRATIONS } from './migrations';

/** The schema comes only from migrations; the application never synchronises it. */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  return {
    type: 'postgres',
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.name,
    entities: REGISTRY_ENTITIES,
    migrations: REGISTRY_MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
  };
}
