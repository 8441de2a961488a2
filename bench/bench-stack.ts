import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '../libs/config/src/load-config';
import { allQueues } from '../libs/queue/src/jobs';
import { PLAIN_RUNTIME, WORKER_RUNTIME } from '../scripts/process-runtimes';

export const ROOT = join(__dirname, '..');
const BUILT = (app: string, file: string): string => join(ROOT, 'dist/apps', app, 'apps', app, 'src', file);

/**
 * The bench runs the real built api and workers as processes, on a database
 * and queue prefix of its own; like the tests', they carry whatever the
 * configured database adds to "dramaguard" (DATABASE_URL=…/dramaguard_b:
 * dramaguard_bench_b), so benches of two checkouts never drop each other's.
 */
const SUFFIX = loadConfig().database.name.replace(/^dramaguard/, '');
export const BENCH_DB = `dramaguard_bench${SUFFIX}`;
export const BENCH_PREFIX = `dg-bench${SUFFIX.replace(/_/g, '-')}`;

/** The environment of a bench's built api and workers: a database, queue prefix and media folder of its own. */
export function benchEnv(db: string, prefix: string, mediaDir: string, port: number, adminKey: string): Record<string, string> {
  return {
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${db}`,
    REDIS_URL: 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: prefix,
    MEDIA_DIR: mediaDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    INDEX_SYNC_INTERVAL_MS: '1000',
    // The runners poll every clip they submitted; the service's own limits are not what is measured.
    RATE_LIMIT_REQUESTS: '1000000',
    MAX_QUEUE_DEPTH: '1000000',
    ADMIN_API_KEY: adminKey,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export class Child {
  private output = '';
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    private readonly proc: ChildProcess,
  ) {
    // The whole output also goes to bench/out/logs/<name>.log, to read after a run.
    mkdirSync(join(ROOT, 'bench/out/logs'), { recursive: true });
    const log = createWriteStream(join(ROOT, 'bench/out/logs', `${name}.log`));
    const keep = (d: Buffer): void => {
      this.output = (this.output + d.toString()).slice(-20_000);
      log.write(d);
    };
    proc.on('exit', () => log.end());
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => proc.on('exit', resolve));
  }

  /** A built process, a worker with the node flags and environment `npm start` gives it (scripts/worker-runtime.json). */
  static start(name: string, app: string, file: string, env: Record<string, string>): Child {
    const runtime = app === 'worker' && file === 'main.js' ? WORKER_RUNTIME : PLAIN_RUNTIME;
    const proc = spawn(process.execPath, [...runtime.nodeFlags, BUILT(app, file)], {
      cwd: ROOT,
      env: { ...runtime.env, ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Child(name, proc);
  }

  get pid(): number {
    return this.proc.pid as number;
  }

  /** Output since the last call (the kept tail of it). */
  drain(): string {
    const out = this.output;
    this.output = '';
    return out;
  }

  async waitFor(text: string, timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (this.proc.exitCode !== null) throw new Error(`${this.name} exited:\n${this.output}`);
      if (Date.now() > until) throw new Error(`${this.name} did not print "${text}":\n${this.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null) this.proc.kill('SIGTERM');
    await this.exited;
  }
}

/** A new, empty bench database (the migrate step then creates and migrates it). */
export async function dropBenchDatabase(name = BENCH_DB): Promise<void> {
  const ds = await new DataSource({ type: 'postgres', host: '127.0.0.1', port: 5432, username: 'postgres', database: 'postgres' }).initialize();
  try {
    await ds.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await ds.destroy();
  }
}

function benchQueue(name: string, prefix: string): Queue {
  return new Queue(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
}

export async function clearBenchQueues(prefix = BENCH_PREFIX, shards = 1): Promise<void> {
  for (const name of allQueues(shards)) {
    const q = benchQueue(name, prefix);
    await q.obliterate({ force: true });
    await q.close();
  }
}

/** Waits until the queue holds no job that is waiting, delayed or running; returns how long that took. */
export async function queueDrained(name: string, prefix: string, timeoutMs: number): Promise<number> {
  const q = benchQueue(name, prefix);
  const start = Date.now();
  try {
    for (;;) {
      const counts = await q.getJobCounts('active', 'waiting', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(counts).every((n) => n === 0)) return Date.now() - start;
      if (Date.now() - start > timeoutMs) throw new Error(`queue ${name} still holds jobs after ${timeoutMs} ms: ${JSON.stringify(counts)}`);
      await new Promise((res) => setTimeout(res, 1_000));
    }
  } finally {
    await q.close();
  }
}

export async function runToEnd(child: Child): Promise<void> {
  const code = await child.exited;
  if (code !== 0) throw new Error(`${child.name} failed with exit code ${code}`);
}
