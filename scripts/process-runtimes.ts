import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Node flags and environment a process starts with. */
export interface Runtime {
  readonly nodeFlags: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/** The runtime `npm start` gives a worker (worker-runtime.json, which scripts/start.mjs reads too; a module of that name would be shadowed by the JSON file); the benches and e2e tests start workers with it. */
export const WORKER_RUNTIME = JSON.parse(readFileSync(join(__dirname, 'worker-runtime.json'), 'utf8')) as Runtime;

/** What any other process starts with. */
export const PLAIN_RUNTIME: Runtime = { nodeFlags: [], env: {} };
