import { dataSourceOptions, REGISTRY_MIGRATIONS } from '@dramaguard/records';
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

  it('keep the audit log append-only in the database itself', async () => {
    await ds.query(`INSERT INTO audit_log (action, subject_type, subject_id) VALUES ('test.done', 'test', gen_random_uuid())`);
    await expect(ds.query(`UPDATE audit_log SET action = 'rewritten'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(ds.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(ds.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await ds.query(`SELECT action FROM audit_log`)).toEqual([{ action: 'test.done' }]);
  });

  it('have nothing left to run, and can all be reverted and applied again', async () => {
    expect(await ds.showMigrations()).toBe(false);
    for (let i = 0; i < REGISTRY_MIGRATIONS.length; i++) await ds.undoLastMigration();
    expect(await ds.query(`SELECT to_regclass('public.registrations') AS r, to_regclass('public.accounts') AS a`)).toEqual([{ r: null, a: null }]);
    await ds.runMigrations();
    expect(await ds.showMigrations()).toBe(false);
  });

  it('give works created before accounts existed an owner account per rights holder name', async () => {
    const accounts = REGISTRY_MIGRATIONS.findIndex((m) => m.name === 'Accounts1764300000000');
    for (let i = accounts; i < REGISTRY_MIGRATIONS.length; i++) await ds.undoLastMigration();
    await ds.query(`INSERT INTO works (rights_holder, title, episode_count, metadata) VALUES ('A', 'one', 1, '{}'), ('A', 'two', 1, '{}'), ('B', 'three', 1, '{}')`);
    await ds.runMigrations();
    const rows = await ds.query(`SELECT w.title, a.name, a.role FROM works w JOIN accounts a ON a.id = w.owner_id ORDER BY w.title`);
    expect(rows).toEqual([
      { title: 'one', name: 'A', role: 'rights_holder' },
      { title: 'three', name: 'B', role: 'rights_holder' },
      { title: 'two', name: 'A', role: 'rights_holder' },
    ]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM accounts`)).toEqual([{ n: 2 }]);
  });
});
