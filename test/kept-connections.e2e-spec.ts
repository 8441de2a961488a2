import { dataSourceOptions, KEPT_CONNECTIONS, openKeptConnections } from '@dramaguard/records';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { testDatabase } from './support/test-config';
import { freshDatabase } from './support/test-database';

/** A process's PostgreSQL connections: opened at boot and kept through a pause, so that a request after one opens none. */
describe('kept connections', () => {
  const db = testDatabase('dramaguard_test_kept_connections');
  let observer: DataSource;
  const opened: DataSource[] = [];

  beforeAll(async () => {
    await freshDatabase(db);
    observer = await new DataSource(dataSourceOptions(db)).initialize();
  });

  afterAll(async () => {
    await Promise.all(opened.map((ds) => ds.destroy()));
    await observer?.destroy();
  });

  /** The application's options, named so that its backends can be counted, with connections beyond the kept ones closed after `idleMs`. */
  async function application(idleMs: number): Promise<{ ds: DataSource; backends: () => Promise<number> }> {
    const name = `kept-${randomUUID()}`;
    const options = dataSourceOptions(db);
    const ds = await new DataSource({ ...options, applicationName: name, extra: { ...options.extra, idleTimeoutMillis: idleMs } } as typeof options).initialize();
    opened.push(ds);
    const backends = async () => {
      const [row] = (await observer.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [name])) as { n: number }[];
      return row.n;
    };
    return { ds, backends };
  }

  it('opens the kept connections at once', async () => {
    const { ds, backends } = await application(10_000);
    expect(await backends()).toBe(1);
    await openKeptConnections(ds);
    expect(await backends()).toBe(KEPT_CONNECTIONS);
  });

  it('keeps them open through a pause longer than the idle timeout, and closes the others', async () => {
    const { ds, backends } = await application(100);
    await Promise.all(Array.from({ length: KEPT_CONNECTIONS + 3 }, () => ds.query('SELECT pg_sleep(0.05)')));
    expect(await backends()).toBe(KEPT_CONNECTIONS + 3);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await backends()).toBe(KEPT_CONNECTIONS);
  });
});
