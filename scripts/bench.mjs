// npm run bench -- [set dir]: bootstrap and build, then a bench runner on the
// built processes: bench/run-bench.ts, or the one named by --runner (bench:scale).
import { join } from 'node:path';
import { bootstrap, ROOT, run } from './bootstrap.mjs';

await bootstrap();
const args = process.argv.slice(2);
const at = args.indexOf('--runner');
const runner = at >= 0 ? args.splice(at, 2)[1] : 'run-bench.ts';
run(process.execPath, [join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js'), '--transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, 'bench', runner), ...args]);
