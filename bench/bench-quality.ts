// Detection quality and matcher time in one process, without the service:
// every ref of a set is decoded and indexed, every query matched with
// matchClip, the predictions scored by the set's scorer. The quality gate for
// matcher speed work, since a faster matcher must find the same copies.
// Usage: npm run bench:quality -- [set dir] (default ../shared/bench/dev)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { GreyFrame } from '@dramaguard/fingerprint';
import { HashIndex } from '@dramaguard/hash-index';
import { matchClip } from '@dramaguard/matcher';
import { fingerprintOf, frames } from './bench-frames';

const ROOT = resolve(__dirname, '..');
const setDir = resolve(ROOT, process.argv[2] ?? '../shared/bench/dev');
const outDir = join(ROOT, 'bench/out');
const stem = (file: string): string => basename(file, extname(file));
const videos = (dir: string): string[] =>
  readdirSync(join(setDir, dir))
    .filter((f) => f.endsWith('.mp4'))
    .sort()
    .map((f) => join(setDir, dir, f));

/** The set's own scorer when it ships one, else the shared benchmark's (as run-bench does). */
function scorerPath(): string {
  const own = join(setDir, 'score.mjs');
  return existsSync(own) ? own : resolve(ROOT, '../shared/bench/score.mjs');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : 0;
}

async function main(): Promise<void> {
  const refs = videos('refs');
  const queries = videos('queries');
  const index = new HashIndex({ retainReferences: true });
  for (const r of refs) index.add([{ episode: stem(r), fingerprint: fingerprintOf(await frames(r)) }]);
  const clips = new Map<string, GreyFrame[]>();
  for (const q of queries) clips.set(stem(q), await frames(q));
  console.log(`set ${setDir}: ${refs.length} refs indexed, ${queries.length} queries decoded`);

  const times: number[] = [];
  const predictions = [];
  for (const [query, clip] of clips) {
    const t = process.hrtime.bigint();
    const found = matchClip(index, clip);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    for (const m of found) {
      for (const s of m.segments) {
        predictions.push({ query, ref: m.episode, score: s.score, query_start: s.clipStart, query_end: s.clipEnd, ref_start: s.refStart, ref_end: s.refEnd });
      }
    }
  }
  mkdirSync(outDir, { recursive: true });
  const predictionsFile = join(outDir, 'quality-predictions.json');
  writeFileSync(predictionsFile, JSON.stringify(predictions, null, 1));
  const score = spawnSync(process.execPath, [scorerPath(), join(setDir, 'truth.json'), predictionsFile], { encoding: 'utf8' });
  if (score.status !== 0) throw new Error(`scorer failed: ${score.stderr}`);
  writeFileSync(join(outDir, 'quality-report.txt'), score.stdout);
  const lines = score.stdout.trim().split('\n');
  console.log(lines[lines.length - 1]);
  const total = times.reduce((a, b) => a + b, 0);
  console.log(`matchClip: total ${(total / 1000).toFixed(2)} s over ${times.length} queries, median ${median(times).toFixed(0)} ms per query (full report: bench/out/quality-report.txt)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
