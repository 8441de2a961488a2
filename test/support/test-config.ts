import { AppConfig, DatabaseConfig, loadConfig } from '@dramaguard/config';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The bootstrap administrator's key in every test stack. */
export const TEST_ADMIN_KEY = 'dg_test-admin-key-0123456789abcdef';

/**
 * The configuration of the machine, pointed at a database, a BullMQ prefix and
 * a media directory of the tests' own, so a running dev stack is not touched.
 */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const base = loadConfig();
  const mediaDir = mkdtempSync(join(tmpdir(), 'dg-media-'));
  return {
    ...base,
    http: { host: '127.0.0.1', port: 0 },
    database: testDatabase('dramaguard_test'),
    queuePrefix: `dg-test-${process.pid}`,
    mediaDir,
    auth: { adminApiKey: TEST_ADMIN_KEY },
    signingKeyPath: join(mediaDir, 'signing-key.pem'),
    retroMatchDays: 30,
    // Specs wait for retro-matches; the batch spec holds the retro queue instead.
    retroMatchDelayMs: 0,
    jobs: { attempts: 2, backoffMs: 200, concurrency: 1 },
    indexSyncIntervalMs: 1_000,
    consoleDir: join(__dirname, '..', '..', 'dist', 'console'),
    // Tests poll every 150 ms; the limits have a spec of their own (limits.e2e-spec).
    abuse: { ...base.abuse, requestsPerWindow: 1_000_000 },
    // Request lines (4xx at warn) of the api inside jest would drown its report; the observability spec runs built processes.
    ops: { logLevel: 'error', port: null },
    ...overrides,
  };
}

/**
 * The machine's database server, with a database of the tests' own. The name
 * carries whatever the configured database adds to "dramaguard", so a checkout
 * run with DATABASE_URL=…/dramaguard_b gets dramaguard_test_b and two checkouts
 * can run their e2e suites side by side.
 */
export function testDatabase(name: string): DatabaseConfig {
  const base = loadConfig().database;
  return { ...base, name: name + base.name.replace(/^dramaguard/, '') };
}
