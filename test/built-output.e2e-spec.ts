import { dropDatabase } from '@dramaguard/records';
import { rmSync } from 'node:fs';
import { BUILT, BuiltProcess } from './support/built-process';
import { configEnv } from './support/config-env';
import { freePort } from './support/free-port';
import { testConfig, testDatabase } from './support/test-config';

describe('the built output (path aliases resolved by nest build)', () => {
  const config = testConfig({ database: testDatabase('dramaguard_test_built') });
  const env = configEnv(config);
  const media = config.mediaDir;

  afterAll(() => rmSync(media, { recursive: true, force: true }));

  it('migrates a new database, then runs api and worker, and the api serves the console', async () => {
    // Left from an earlier run, the database would only get the migrations added since.
    await dropDatabase(config.database);
    const migrate = BuiltProcess.start(BUILT.migrate, { ...env, MEDIA_DIR: media });
    expect(await migrate.exited()).toBe(0);
    expect(migrate.log).toContain(`created database ${config.database.name}`);
    const again = BuiltProcess.start(BUILT.migrate, env);
    expect(await again.exited()).toBe(0);
    expect(again.log).toContain('is up to date');

    const port = await freePort();
    // CONSOLE_DIR left empty: the default, dist/console under the working directory, as npm start runs it.
    const api = BuiltProcess.start(BUILT.api, { ...env, MEDIA_DIR: media, PORT: String(port), CONSOLE_DIR: '' });
    const worker = BuiltProcess.start(BUILT.worker, { ...env, MEDIA_DIR: media });
    try {
      await api.waitForOutput('api listening');
      await worker.waitForOutput('worker ready');
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const docs = await fetch(`http://127.0.0.1:${port}/docs`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('swagger');
      const consoleIndex = await fetch(`http://127.0.0.1:${port}/console/`);
      expect(consoleIndex.status).toBe(200);
      const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(await consoleIndex.text());
      expect(script).not.toBeNull();
      const bundle = await fetch(`http://127.0.0.1:${port}${script![1]}`);
      expect({ status: bundle.status, type: bundle.headers.get('content-type') }).toEqual({ status: 200, type: expect.stringMatching(/javascript/) });
    } finally {
      await api.stop();
      await worker.stop();
    }
  });

  it('refuses to start with an invalid configuration and says why', async () => {
    const api = BuiltProcess.start(BUILT.api, { ...env, PORT: 'eighty', JOB_ATTEMPTS: '0' });
    expect(await api.exited()).toBe(1);
    expect(api.log).toContain('PORT must be an integer, got "eighty"');
    expect(api.log).toContain('JOB_ATTEMPTS must be between 1 and 100, got 0');
  });
});
