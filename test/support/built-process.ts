import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PLAIN_RUNTIME, WORKER_RUNTIME } from '../../scripts/process-runtimes';

const ROOT = join(__dirname, '..', '..');

export const BUILT = {
  api: join(ROOT, 'dist/apps/api/apps/api/src/main.js'),
  worker: join(ROOT, 'dist/apps/worker/apps/worker/src/main.js'),
  migrate: join(ROOT, 'dist/apps/worker/apps/worker/src/migrate.js'),
  cli: join(ROOT, 'dist/apps/cli/apps/cli/src/main.js'),
};

/**
 * A built entry point running as its own process. Workers run this way in the
 * e2e tests because hashing inside jest's sandbox is several times slower than
 * in plain node; it also proves the build output starts. A worker runs with
 * the flags and environment `npm start` gives it.
 */
export class BuiltProcess {
  private output = '';
  private exit: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static start(entry: string, env: Record<string, string>): BuiltProcess {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" before the e2e tests (npm test does)`);
    const runtime = entry === BUILT.worker ? WORKER_RUNTIME : PLAIN_RUNTIME;
    return new BuiltProcess(spawn(process.execPath, [...runtime.nodeFlags, entry], { env: { PATH: process.env.PATH ?? '', ...runtime.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get log(): string {
    return this.output;
  }

  /** Resolves once the process has printed `text`; rejects if it exits first. */
  async waitForOutput(text: string | RegExp, timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    let exited = false;
    void this.exit.then(() => (exited = true));
    while (!(typeof text === 'string' ? this.output.includes(text) : text.test(this.output))) {
      if (exited) throw new Error(`process exited before printing ${text}:\n${this.output}`);
      if (Date.now() > until) throw new Error(`timed out waiting for ${text}:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  exited(): Promise<number | null> {
    return this.exit;
  }

  /** Ends the process at once, as a crash or the OOM killer would: no shutdown hooks run. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exit;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exit;
  }
}
