import { loadConfig } from '@dramaguard/config';
import { ensureDatabase, runMigrations } from '@dramaguard/records';

/** Creates the database if needed and applies pending migrations; run before starting api and worker. */
async function migrate(): Promise<void> {
  const { database } = loadConfig();
  if (await ensureDatabase(database)) console.log(`created database ${database.name}`);
  const applied = await runMigrations(database);
  console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : `database ${database.name} is up to date`);
}

migrate().catch((e: Error) => {
  console.error(`migration failed: ${e.message}`);
  process.exit(1);
});
