#!/usr/bin/env node
// npm run bench:audio -- [SET_DIR] [--seed N]: the audio evaluation set
// through the real pipeline. Generates the set when it is missing or its
// version stamp is stale, runs `node scripts/bench.mjs SET_DIR` (bootstrap,
// build, bench/run-bench.ts: register, match, shared scorer), then prints
// precision / recall / µAP per family. The whole output is kept in
// bench/out/<set folder>-report.txt.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { scoreByFamily } from './score-by-family.mjs';
import { DEFAULT_SEED, DEFAULT_SET_DIR, isCurrent, ROOT } from './set-stamp.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--seed');
const seed = at >= 0 ? Number(args.splice(at, 2)[1]) : DEFAULT_SEED;
const dir = resolve(args[0] ?? DEFAULT_SET_DIR);
const outDir = join(ROOT, 'bench', 'out');
mkdirSync(outDir, { recursive: true });

if (!isCurrent(dir, seed)) {
  console.log(`generating the audio set in ${dir} (seed ${seed}; missing or stale)`);
  const t = Date.now();
  const g = spawnSync(process.execPath, [join(ROOT, 'bench/audio-set/generate-audio-set.mjs'), dir, '--seed', String(seed)], { stdio: 'inherit' });
  if (g.status !== 0) process.exit(g.status ?? 1);
  console.log(`generated in ${((Date.now() - t) / 1000).toFixed(0)} s`);
} else {
  console.log(`audio set ${dir} is current (seed ${seed})`);
}

// The bench's output is shown as it comes and kept for the report.
const started = Date.now();
let output = '';
const bench = spawn(process.execPath, [join(ROOT, 'scripts/bench.mjs'), dir], { cwd: ROOT, stdio: ['inherit', 'pipe', 'inherit'] });
bench.stdout.on('data', (d) => {
  process.stdout.write(d);
  output += d;
});
const code = await new Promise((r) => bench.on('close', r));
if (code !== 0) process.exit(code ?? 1);

// bench/run-bench.ts names the predictions of a set other than dev after its folder
const predictions = join(outDir, `predictions-${basename(dir)}.json`);
const table = scoreByFamily(join(dir, 'truth.json'), predictions);
const tail = `\n== per family, each with all negatives (precision and µAP count their false alarms)\n${table}\n\nbench took ${((Date.now() - started) / 1000).toFixed(0)} s\n`;
process.stdout.write(tail);
const report = join(outDir, `${basename(dir)}-report.txt`);
writeFileSync(report, output + tail);
console.log(`report: ${report}`);
