import type { DatabaseConfig } from '@dramaguard/config';
import { dropDatabase, ensureDatabase, runMigrations } from '@dramaguard/records';

/** A fresh database with every migration applied. */
export async function freshDatabase(db: DatabaseConfig): Promise<void> {
  await dropDatabase(db);
  await ensureDatabase(db);
  await runMigrations(db);
}
