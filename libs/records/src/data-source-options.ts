import type { DatabaseConfig } from '@dramaguard/config';
import type { DataSourceOptions } from 'typeorm';
import { REGISTRY_ENTITIES } from './entities';
import { REGISTRY_MIGRATIONS } from './migrations';

/**
 * Connections a process keeps open once made, and opens at boot
 * (openKeptConnections). On this machine a new PostgreSQL connection took
 * 14 ms to open and its first query 5 ms, against under 1 ms for a query on
 * an open one; pg-pool closed every idle connection after 10 s, so every
 * shard's first jobs after a pause (a start among them) opened connections
 * again (docs/BENCHMARK.md, section 57). Four: a shard job's reads go out
 * side by side, three or four at a time. Connections beyond these still
 * close after 10 s idle.
 */
export const KEPT_CONNECTIONS = 4;

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
    // Kept connections do not hold a process open that has nothing else left to do.
    extra: { min: KEPT_CONNECTIONS, allowExitOnIdle: true },
  };
}
