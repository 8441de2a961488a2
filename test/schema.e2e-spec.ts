import { dataSourceOptions } from '@dramaguard/registry';
import { DataSource } from 'typeorm';
import { testDatabase } from './support/test-config';
import { freshDatabase } from './support/test-database';

describe('migrations', () => {
  const db = testDatabase('dramaguard_test_schema');
  let ds: DataSource;

  beforeAll(async () => {
    await freshDatabase(db);
    ds = await new DataSource(dataSourceOptions(db)).initialize();
  });

  afterAll(() => ds?.destroy());

  it('build exactly the schema the entities describe', async () => {
    const diff = await ds.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('have nothing left to run, and can be reverted and applied again', async () => {
    expect(await ds.showMigrations()).toBe(false);
    await ds.undoLastMigration();
    expect(await ds.query(`SELECT to_regclass('public.registrations') AS t`)).toEqual([{ t: null }]);
    await ds.runMigrations();
    expect(await ds.showMigrations()).toBe(false);
  });
});
