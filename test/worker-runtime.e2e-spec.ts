import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKER_RUNTIME } from '../scripts/process-runtimes';

const ROOT = join(__dirname, '..');
const WORKER_MAIN = 'dist/apps/worker/apps/worker/src/main.js';
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
/** A setting as a pattern that matches only itself (values hold dots, as glibc's tunables do). */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// npm start, the benches and these tests read scripts/worker-runtime.json; the worker image and the README's commands cannot, so they repeat it.
describe('the worker runtime written out for users (scripts/worker-runtime.json)', () => {
  it('the worker image sets its variables and runs node with its flags', () => {
    const dockerfile = read('docker/worker.Dockerfile');
    for (const [name, value] of Object.entries(WORKER_RUNTIME.env)) expect(dockerfile).toMatch(new RegExp(`^ENV (.* )?${literal(`${name}=${value}`)}( |$)`, 'm'));
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile);
    expect(cmd).not.toBeNull();
    expect(JSON.parse((cmd as RegExpExecArray)[1])).toEqual(['node', ...WORKER_RUNTIME.nodeFlags, WORKER_MAIN]);
  });

  it("every worker command in the README sets its variables and flags", () => {
    const commands = read('README.md')
      .split('\n')
      .filter((line) => line.includes(WORKER_MAIN));
    expect(commands.length).toBeGreaterThan(0);
    const started = [...Object.entries(WORKER_RUNTIME.env).map(([name, value]) => `${name}=${value}`), 'node', ...WORKER_RUNTIME.nodeFlags, WORKER_MAIN].join(' ');
    for (const command of commands) expect(command).toContain(started);
  });
});
