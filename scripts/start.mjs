// npm start: bootstrap, migrate, then run the api and one worker until stopped.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrap, log, ROOT, run } from './bootstrap.mjs';

const entry = (app, file) => join(ROOT, 'dist/apps', app, 'apps', app, 'src', file);

await bootstrap();
run(process.execPath, [entry('worker', 'migrate.js')]);

// Each process its own operations port (metrics and probes): the api OPS_PORT (default 9464), the worker the next one; 0 for none.
const apiOps = process.env.OPS_PORT ?? '9464';
const opsPort = { api: apiOps, worker: apiOps === '0' ? '0' : String(Number(apiOps) + 1) };
// How a worker runs (scripts/worker-runtime.json; why each flag and variable: the README's
// "More workers" paragraph). Variables already set win.
const workerRuntime = JSON.parse(readFileSync(join(ROOT, 'scripts/worker-runtime.json'), 'utf8'));
const runtime = { api: { nodeFlags: [], env: {} }, worker: workerRuntime };
const children = ['api', 'worker'].map((app) =>
  spawn(process.execPath, [...runtime[app].nodeFlags, entry(app, 'main.js')], { cwd: ROOT, stdio: 'inherit', env: { ...runtime[app].env, ...process.env, OPS_PORT: opsPort[app] } }),
);
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => process.exit(code));
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));
for (const c of children) {
  c.once('exit', (code) => {
    if (!stopping) log(`${c.spawnargs[1]} exited (${code}); stopping the other process`);
    stop(code ?? 1);
  });
}
