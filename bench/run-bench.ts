// Benchmark through the real pipeline: built api + two workers as processes,
// refs registered and queries matched over HTTP, predictions scored by the
// shared scorer. Usage: npm run bench -- [set dir] (default ../shared/bench/dev).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { BenchApi } from './bench-api';
import { RETRO_QUEUE } from '../libs/queue/src/jobs';
import { BENCH_DB, BENCH_PREFIX, benchEnv, Child, clearBenchQueues, dropBenchDatabase, freePort, queueDrained, ROOT, runToEnd } from './bench-stack';

const WORKERS = 2;
const ADMIN_KEY = `dg_bench_${randomBytes(24).toString('base64url')}`;
const devSet = resolve(ROOT, '../shared/bench/dev');
const setDir = resolve(ROOT, process.argv[2] ?? devSet);
const scorer = resolve(ROOT, '../shared/bench/score.mjs');
const outDir = join(ROOT, 'bench/out');
const videos = (dir: string): string[] =>
  readdirSync(join(setDir, dir))
    .filter((f) => f.endsWith('.mp4'))
    .sort()
    .map((f) => join(setDir, dir, f));
const stem = (file: string): string => basename(file, extname(file));
const seconds = (ms: number): string => (ms / 1000).toFixed(1);

interface Prediction {
  query: string;
  ref: string;
  score: number;
  query_start: number;
  query_end: number;
  ref_start: number;
  ref_end: number;
}

async function main(): Promise<void> {
  const refs = videos('refs');
  const queries = videos('queries');
  console.log(`set ${setDir}: ${refs.length} refs, ${queries.length} queries`);
  mkdirSync(outDir, { recursive: true });
  const mediaDir = join(outDir, 'media');
  rmSync(mediaDir, { recursive: true, force: true });
  await dropBenchDatabase();
  await clearBenchQueues();

  const port = await freePort();
  const env = benchEnv(BENCH_DB, BENCH_PREFIX, mediaDir, port, ADMIN_KEY);
  await runToEnd(Child.start('migrate', 'worker', 'migrate.js', env));
  // Each process its own operations port, so the metrics of the run can be kept.
  const opsPorts = [await freePort(), ...(await Promise.all(Array.from({ length: WORKERS }, () => freePort())))];
  const children = [
    Child.start('api', 'api', 'main.js', { ...env, OPS_PORT: String(opsPorts[0]) }),
    ...Array.from({ length: WORKERS }, (_, i) => Child.start(`worker ${i + 1}`, 'worker', 'main.js', { ...env, OPS_PORT: String(opsPorts[i + 1]) })),
  ];
  try {
    await children[0].waitFor('api listening');
    for (const w of children.slice(1)) await w.waitFor('worker ready');
    await run(new BenchApi(`http://127.0.0.1:${port}`, ADMIN_KEY), refs, queries);
    await saveMetrics(children.map((c, i) => [c.name, opsPorts[i]]));
  } finally {
    for (const c of children) await c.stop();
    await clearBenchQueues();
  }
}

/**
 * Each ref is its own work (the benchmark's refs come from different source
 * works) of one rights holder; a reviewer submits the queries.
 */
async function run(admin: BenchApi, refs: string[], queries: string[]): Promise<void> {
  const holder = await admin.as('rights_holder', 'Benchmark rights holder');
  const reviewer = await admin.as('reviewer', 'Benchmark reviewer');
  const workOf = async (file: string): Promise<string> => (await holder.createWork(stem(file), 1)).id;
  const refOf = new Map<string, string>();
  const started = Date.now();

  // The first ref is fingerprinted alone, so its timing is not shared with other jobs.
  const first = await holder.uploadEpisode(await workOf(refs[0]), refs[0], 1);
  refOf.set(first.id, stem(refs[0]));
  const [timed] = await holder.settle([first.id], (id) => holder.registration(id), isSettled, 600_000);
  const rest: string[] = [];
  for (const file of refs.slice(1)) {
    const r = await holder.uploadEpisode(await workOf(file), file, 1);
    refOf.set(r.id, stem(file));
    rest.push(r.id);
  }
  const registrations = [timed, ...(await holder.settle(rest, (id) => holder.registration(id), isSettled, 1_800_000))];
  const failedRefs = registrations.filter((r) => r.status !== 'registered');
  console.log(`registered ${registrations.length - failedRefs.length}/${refs.length} refs in ${seconds(Date.now() - started)} s`);
  for (const r of failedRefs) console.log(`  ${refOf.get(r.id)} failed: ${r.failureReason}`);
  // The refs' retro-matches wait RETRO_MATCH_DELAY_MS; run before the queries arrive, they find none to match again.
  await queueDrained(RETRO_QUEUE, BENCH_PREFIX, 600_000);

  const matchStart = Date.now();
  const clipIds: string[] = [];
  const queryOf = new Map<string, string>();
  for (const file of queries) {
    const c = await reviewer.submitClip(file);
    clipIds.push(c.id);
    queryOf.set(c.id, stem(file));
  }
  const clips = await reviewer.settle(clipIds, (id) => reviewer.clip(id), (c) => c.status === 'done' || c.status === 'failed', 3_600_000);
  console.log(`matched ${clips.length} queries in ${seconds(Date.now() - matchStart)} s (${WORKERS} workers)`);
  for (const c of clips.filter((x) => x.status === 'failed')) console.log(`  ${queryOf.get(c.id)} failed: ${c.failureReason}`);

  const predictions: Prediction[] = clips.flatMap((c) =>
    c.matches.flatMap((m: any) =>
      m.segments.map((s: any) => ({
        query: queryOf.get(c.id) as string,
        ref: refOf.get(m.registrationId) ?? m.registrationNumber,
        score: s.score,
        query_start: s.clipStart,
        query_end: s.clipEnd,
        ref_start: s.episodeStart,
        ref_end: s.episodeEnd,
      })),
    ),
  );
  // Another set (npm run bench:audio) writes predictions-<its folder>.json, so the dev set's file is not overwritten.
  const predictionsFile = join(outDir, setDir === devSet ? 'predictions.json' : `predictions-${basename(setDir)}.json`);
  writeFileSync(predictionsFile, JSON.stringify(predictions, null, 1));
  console.log(`wrote ${predictions.length} rows to ${predictionsFile}\n`);

  const score = spawnSync(process.execPath, [scorer, join(setDir, 'truth.json'), predictionsFile], { encoding: 'utf8' });
  process.stdout.write(score.stdout);
  if (score.status !== 0) throw new Error(`scorer failed: ${score.stderr}`);

  reportRatio(refs[0], timed);
}

/** Each process's Prometheus metrics at the end of the run, in bench/out/metrics-<process>.prom. */
async function saveMetrics(targets: Array<[string, number]>): Promise<void> {
  for (const [name, opsPort] of targets) {
    const file = join(outDir, `metrics-${name.replace(/\s+/g, '-')}.prom`);
    writeFileSync(file, await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text());
    console.log(`metrics of the ${name}: ${file}`);
  }
}

function isSettled(r: Record<string, any>): boolean {
  return r.status === 'registered' || r.status === 'failed';
}

/** Fingerprinting time (decode, hash, store) of one ref against a bare full-resolution decode of the same file. */
function reportRatio(file: string, registration: Record<string, any>): void {
  const fingerprintMs = new Date(registration.registeredAt).getTime() - new Date(registration.fingerprintingStartedAt).getTime();
  const decodes = [0, 1, 2].map(() => {
    const t = process.hrtime.bigint();
    execFileSync('ffmpeg', ['-hide_banner', '-v', 'error', '-nostdin', '-i', file, '-f', 'null', '-']);
    return Number(process.hrtime.bigint() - t) / 1e6;
  });
  const decodeMs = decodes.sort((a, b) => a - b)[1];
  console.log(
    `\nfingerprint/decode ratio for ${basename(file)} (${registration.width}x${registration.height}, ${registration.durationSeconds.toFixed(1)} s): ` +
      `${(fingerprintMs / decodeMs).toFixed(2)} (fingerprinting ${seconds(fingerprintMs)} s, bare ffmpeg decode ${seconds(decodeMs)} s, median of 3)`,
  );
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
