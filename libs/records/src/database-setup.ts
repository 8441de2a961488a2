import type { DatabaseConfig } from '@dramaguard/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions, KEPT_CONNECTIONS } from './data-source-options';

/** Connects to the server's maintenance database, where a missing application database can be created. */
async function withMaintenanceClient<T>(db: DatabaseConfig, run: (c: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource({ type: 'postgres', host: db.host, port: db.port, username: db.user, password: db.password, database: 'postgres' });
  await ds.initialize();
  try {
    return await run(ds);
  } finally {
    await ds.destroy();
  }
}

/** Creates the database when it does not exist yet; the name was validated by the config library. */
export async function ensureDatabase(db: DatabaseConfig): Promise<boolean> {
  return withMaintenanceClient(db, async (c) => {
    const found = (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.name])) as unknown[];
    if (found.length) return false;
    await c.query(`CREATE DATABASE "${db.name}"`);
    return true;
  });
}

/** Drops the database, closing other sessions first; for test and bench databases only. */
export async function dropDatabase(db: DatabaseConfig): Promise<void> {
  await withMaintenanceClient(db, (c) => c.query(`DROP DATABASE IF EXISTS "${db.name}" WITH (FORCE)`));
}

/** Applies pending migrations and returns their names. */
export async function runMigrations(db: DatabaseConfig): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(db));
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** Opens the kept connections now, side by side, so that the first requests after a start do not open them. */
export async function openKeptConnections(ds: DataSource): Promise<void> {
  await Promise.all(Array.from({ length: KEPT_CONNECTIONS }, () => ds.query('SELECT 1')));
}
