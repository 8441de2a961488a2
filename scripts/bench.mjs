// npm run bench -- [set dir]: bootstrap and build, then the bench runner (see bench/run-bench.ts).
import { join } from 'node:path';
import { bootstrap, ROOT, run } from './bootstrap.mjs';

await bootstrap();
run(process.execPath, [join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js'), '--transpile-only', join(ROOT, 'bench', 'run-bench.ts'), ...process.argv.slice(2)]);
