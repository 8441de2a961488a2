// bench:scale: a registry of H hours on the real path (built api and worker
// processes, BullMQ, PostgreSQL), matched with 60 s clips. Usage:
//   npm run bench:scale -- [--hours H] [--shards N] [--processes P] [--copies C] [--others O] [--verify-threads T]
// (P: shard worker processes, each serving a contiguous run of the shards, one
// per shard by default; T: MATCH_VERIFY_THREADS of every worker, 1 by default.)
// The set's refs are registered through the api; synthetic episodes made
// from their real fingerprints fill the registry to H hours (see
// scale/synthetic-registry.ts). The last line is one JSON object.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { IDLE_MS } from '../libs/matching/src/matching/match-thread.service';
import { RETRO_QUEUE } from '../libs/queue/src/jobs';
import { BenchApi } from './bench-api';
import { benchEnv, Child, clearBenchQueues, dropBenchDatabase, freePort, queueDrained, ROOT, runToEnd } from './bench-stack';
import { hdClips, scaleClips } from './scale/scale-clips';
import { cpuSeconds, threadCpuSeconds } from './scale/process-cpu';
import { RoundTimeline, timelineSummary } from './scale/round-timeline';
import { memoryParts, peakResident } from './scale/process-memory';
import { growRegistry } from './scale/synthetic-registry';

const DB = 'dramaguard_scale';
const PREFIX = 'dg-scale';
const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const hours = flag('--hours', 100);
const shards = flag('--shards', 1);
const processes = flag('--processes', shards);
const copies = flag('--copies', 20);
const others = flag('--others', 10);
const verifyThreads = flag('--verify-threads', 1);
/** HD clips timed against their bare decode: one ratio moved by 0.2 between runs of the same code (docs/BENCHMARK.md, section 20). */
const HD_CLIPS = 3;
const setDir = resolve(ROOT, '../shared/bench/dev');
const outDir = join(ROOT, 'bench/out');
const ADMIN_KEY = `dg_scale_${randomBytes(24).toString('base64url')}`;

function rssBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return kb ? Number(kb[1]) * 1024 : 0;
}

const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

/** The shards each shard worker process serves: contiguous runs, as even as they split. */
const groups = Array.from({ length: processes }, (_, p) => Array.from({ length: shards }, (_, k) => k).filter((k) => Math.floor((k * processes) / shards) === p));
const label = (p: number): string => (groups[p].length === 1 ? `shard ${groups[p][0]}` : `shards ${groups[p].join('+')}`);

async function main(): Promise<void> {
  if (!Number.isInteger(processes) || processes < 1 || processes > shards) throw new Error(`--processes must be between 1 and the shards (${shards})`);
  const clips = scaleClips(setDir, resolve(ROOT, '../shared/bench/sources'), join(outDir, 'scale-clips'), copies, others);
  const hd = hdClips(setDir, join(outDir, 'scale-clips'), HD_CLIPS);
  const mediaDir = join(outDir, 'scale-media');
  rmSync(mediaDir, { recursive: true, force: true });
  await dropBenchDatabase(DB);
  await clearBenchQueues(PREFIX, shards);
  const port = await freePort();
  const env: Record<string, string> = { ...benchEnv(DB, PREFIX, mediaDir, port, ADMIN_KEY), SHARDS: String(shards), MATCH_VERIFY_THREADS: String(verifyThreads) };
  const groupEnv = (p: number) => ({ ...env, WORKER_SHARDS: groups[p].join(',') });
  await runToEnd(Child.start('migrate', 'worker', 'migrate.js', env));
  const api = Child.start('api', 'api', 'main.js', env);
  const worker = Child.start('worker', 'worker', 'main.js', env);
  let workers: Child[] = [];
  const db = await new DataSource({ type: 'postgres', url: env.DATABASE_URL }).initialize();
  try {
    await api.waitFor('api listening');
    await worker.waitFor('worker ready');
    const admin = new BenchApi(`http://127.0.0.1:${port}`, ADMIN_KEY);
    const holder = await admin.as('rights_holder', 'Scale rights holder');
    const reviewer = await admin.as('reviewer', 'Scale reviewer');
    const refIds = new Map<string, string>();
    for (const file of clipsRefs()) {
      const work = await holder.createWork(basename(file, '.mp4'), 1);
      refIds.set((await holder.uploadEpisode(work.id, file, 1)).id, basename(file, '.mp4'));
    }
    await holder.settle([...refIds.keys()], (id) => holder.registration(id), (r) => r.status !== 'queued' && r.status !== 'fingerprinting', 600_000);
    // The refs' retro-matches wait RETRO_MATCH_DELAY_MS: done here, they neither run in the shards during the clips nor leave the rows the registry copies unmatched.
    await queueDrained(RETRO_QUEUE, PREFIX, 600_000);
    await worker.stop();

    const grown = Date.now();
    const registry = await growRegistry(db, hours, shards);
    const seconds = registry.seconds;
    console.log(`registry: ${(seconds / 3600).toFixed(0)} h, ${registry.episodes} synthetic episodes (${registry.nearMisses} near misses) written in ${((Date.now() - grown) / 1000).toFixed(0)} s`);

    // By default one worker process per shard, each holding its shard only, as one per machine would; they load side by side.
    const loadStart = Date.now();
    workers = groups.map((g, p) => Child.start(`shard-${g.join('-')}`, 'worker', 'main.js', groupEnv(p)));
    await Promise.all(workers.map((w) => w.waitFor('worker ready', 3_600_000)));
    const loadSeconds = (Date.now() - loadStart) / 1000;
    const shardsResident = (): number => workers.reduce((n, w) => n + rssBytes(w.pid), 0);
    // Where each shard's memory is, so that what matching adds can be told apart: the main heap, other threads' arenas and blocks.
    const shardMemory = (when: string): void => {
      const parts = workers.map((w, k) => {
        const m = memoryParts(w.pid);
        return `${label(k)} ${m.total} (${m.heap}, ${m.anonymous}, ${m.files}; ${m.huge})`;
      });
      console.log(`shards' memory ${when}, MB (main heap, anonymous, files; on huge pages): ${parts.join('; ')}`);
    };
    const rss = shardsResident();
    console.log(`${shards} shard(s) in ${processes} worker process(es) loaded ${(seconds / 3600).toFixed(0)} h in ${loadSeconds.toFixed(1)} s, resident ${(rss / 1e6).toFixed(0)} MB in all`);
    // Loading adds the shard's episodes one by one: its index work per episode is what adding costs, amortised over the index's growth.
    const loadWork = workers.map((w) => /indexed (\d+) episode\(s\) in \d+ ms, (\d+) ms of it index work/.exec(w.drain())).filter((m) => m !== null);
    console.log(`loading's index work per episode: ${loadWork.map((m) => (Number(m[2]) / Number(m[1])).toFixed(2)).join(', ')} ms (process by process)`);
    shardMemory('after loading');
    const peaks = workers.map((w) => peakResident(w.pid));
    console.log(`shards' peak resident memory while loading (VmHWM), MB: ${peaks.join(', ')}; ${peaks.reduce((a, b) => a + b, 0)} in all`);

    const cpuBefore = workers.map((w) => cpuSeconds(w.pid));
    const threadsBefore = workers.map((w) => threadCpuSeconds(w.pid));
    const latencies: number[] = [];
    let found = 0;
    let expected = 0;
    let falseAlarms = 0;
    const timeline = new RoundTimeline();
    const ids: string[] = [];
    for (const clip of clips) {
      const submitted = await reviewer.submitClip(clip.file);
      const [done] = await reviewer.settle([submitted.id], (id) => reviewer.clip(id), settled, 600_000);
      const times = await clipTimes(db, submitted.id);
      const latency = times.matchedAt === null || times.fannedOutAt === null ? null : times.matchedAt - times.fannedOutAt;
      if (latency !== null) latencies.push(latency);
      const outputs = workers.map((w) => w.drain());
      // A merge may log its completion after the clip is seen done: its CPU is counted when it comes, by its clip's id.
      for (const out of [...outputs, worker.drain()]) timeline.add(out);
      ids.push(submitted.id);
      const shardTimes = outputs.map((out) => new RegExp(`clip ${submitted.id}, shard (\\d+): (?:frames|probe) read in \\d+ ms, matched in (\\d+) ms`).exec(out)).filter((m) => m !== null);
      const matched = new Set<string>((done.matches ?? []).map((m: { registrationId: string }) => refIds.get(m.registrationId) ?? `other:${m.registrationId}`));
      expected += clip.copies.length;
      found += clip.copies.filter((c) => matched.has(c)).length;
      falseAlarms += [...matched].filter((m) => !clip.copies.includes(m)).length;
      const perShard = shardTimes.map((m) => `shard ${m[1]} ${m[2]} ms`).join(', ');
      console.log(`${basename(clip.file)}: ${done.status}, found ${[...matched].join(', ') || 'nothing'}; decoded to merged ${latency ?? '?'} ms (${perShard})`);
    }

    for (const w of [worker, ...workers]) timeline.add(w.drain());
    // A clip whose completion lines fell out of a worker's kept output shows as '?' and is left out of the percentiles, not counted as 0.
    const byClip = ids.map((id) => timeline.cpuOf(id));
    const inWindows = byClip.filter((ms) => ms !== undefined);
    const cores = availableParallelism();
    const floor = (ms: number): number => Math.round(ms / cores);
    // A clip's latency is at least its window's CPU over the cores; PostgreSQL, Redis and the rest of the machine use the same cores on top.
    console.log(
      `workers' CPU inside each clip's window (its shard jobs and merge), clip by clip: ${byClip.map((ms) => ms ?? '?').join(', ')} ms; median ${percentile(inWindows, 0.5)}, 95th percentile ${percentile(inWindows, 0.95)}: ` +
        `on ${cores} cores the latencies' median cannot be below ${floor(percentile(inWindows, 0.5))} ms, nor their 95th percentile below ${floor(percentile(inWindows, 0.95))}`,
    );
    console.log(timelineSummary(ids.flatMap((id) => timeline.of(id) ?? []), cores, percentile));
    shardMemory(`after the ${clips.length} clips`);
    const cpu = workers.map((w, k) => cpuSeconds(w.pid) - cpuBefore[k]);
    const cpuTotal = cpu.reduce((a, b) => a + b, 0);
    // Decoding a clip's probe is in it too, in whichever shard's process took the clip's decode job; ffmpeg is not.
    console.log(`shards' CPU over the ${clips.length} clips: ${cpuTotal.toFixed(1)} s, ${Math.round((cpuTotal * 1000) / clips.length)} ms a clip (process by process ${cpu.map((c, k) => `${label(k)} ${c.toFixed(1)}`).join(', ')} s)`);
    console.log(`shards' CPU by thread over the clips, s (main thread first, then the others by use): ${workers.map((w, k) => `${label(k)} ${threadsUsed(threadsBefore[k], threadCpuSeconds(w.pid), w.pid)}`).join('; ')}`);
    const ratios: number[] = [];
    for (const file of hd) {
      const hdStart = Date.now();
      const hdSubmitted = await reviewer.submitClip(file);
      await reviewer.settle([hdSubmitted.id], (id) => reviewer.clip(id), settled, 600_000);
      const polledMs = Date.now() - hdStart;
      // The verdict exists once the merge writes it; the runner's polling, every 500 ms, sees it up to that much later.
      const { receivedAt, fannedOutAt, matchedAt } = await clipTimes(db, hdSubmitted.id);
      const hdMs = matchedAt === null ? null : matchedAt - hdStart;
      const decodeStart = Date.now();
      // Not execFileSync: a blocked event loop misses the API closing its idle keep-alive socket, and the next request fails on it.
      await promisify(execFile)('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-']);
      const bareMs = Date.now() - decodeStart;
      if (hdMs !== null) ratios.push(hdMs / bareMs);
      const phases =
        receivedAt !== null && fannedOutAt !== null && matchedAt !== null
          ? ` (upload ${receivedAt - hdStart} ms, decode and probe ${fannedOutAt - receivedAt} ms, shards and merge ${matchedAt - fannedOutAt} ms)`
          : '';
      console.log(
        `60 s 1080x1920 clip ${basename(file)}: upload to verdict ${hdMs === null ? 'never written' : `written ${hdMs} ms`}${phases}, seen by polling at ${polledMs} ms; bare ffmpeg decode ${bareMs} ms` +
          (hdMs === null ? '' : ` (${(hdMs / bareMs).toFixed(2)}x)`),
      );
    }
    console.log(`upload to verdict over bare decode, median of ${ratios.length}: ${ratios.length ? percentile(ratios, 0.5).toFixed(2) : '?'}x`);

    const addTimes = await addEpisodes(holder, workers);
    console.log(`index work of the three episodes added: ${addTimes.join(', ')} ms`);
    shardMemory('after the HD clip and the added episodes');
    // The target counts memory after loading; what matching and registering add on top is reported beside it.
    const resident = (when: string): void => {
      const rssNow = shardsResident();
      console.log(`${when}: resident ${(rssNow / 1e6).toFixed(0)} MB in all (${Math.round(rssNow / seconds)} B per registered second)`);
    };
    resident('after the clips and the added episodes');
    // Each added episode is matched again against the recent clips; the shards are idle only once that is done.
    const retroMs = await queueDrained(RETRO_QUEUE, PREFIX, 900_000);
    console.log(`retro-matching of the added episodes ended ${(retroMs / 1000).toFixed(1)} s after the last was indexed`);
    // A shard gives back its spare frame buffer and its garbage only once it has matched nothing for IDLE_MS.
    const idleMs = IDLE_MS + 5_000;
    await new Promise((res) => setTimeout(res, idleMs));
    shardMemory(`idle for ${idleMs / 1000} s`);
    resident(`idle for ${idleMs / 1000} s`);
    console.log(
      JSON.stringify({
        hours: Math.round(seconds / 3600),
        shards,
        clips: clips.length,
        p50_ms: percentile(latencies, 0.5),
        p95_ms: percentile(latencies, 0.95),
        max_ms: Math.max(...latencies),
        rss_bytes_per_registered_second: Math.round(rss / seconds),
        load_seconds_per_1000h: Number(((loadSeconds * 1000 * 3600) / seconds).toFixed(1)),
        add_ms_per_episode: addTimes.length ? Number((addTimes.reduce((a, b) => a + b, 0) / addTimes.length).toFixed(1)) : null,
        recall: Number((found / Math.max(1, expected)).toFixed(4)),
        false_alarms: falseAlarms,
      }),
    );
  } finally {
    await db.destroy();
    for (const w of [worker, ...workers]) await w.stop();
    await api.stop();
    await clearBenchQueues(PREFIX, shards);
  }

  function clipsRefs(): string[] {
    return ['bbb_opening', 'intel_asl_signing', 'intel_bottles', 'mdn_chroma_talk', 'mdn_toys', 'sintel_trailer', 'webrtc_chrome_clay'].map((n) => join(setDir, 'refs', `${n}.mp4`));
  }
}

const settled = (c: Record<string, any>): boolean => ['done', 'incomplete', 'failed'].includes(c.status);

/** When the api stored the clip, when its frames were ready (decoded and sent to the shards) and when its merged result was written, in ms since the epoch, as PostgreSQL recorded them. */
async function clipTimes(db: DataSource, clipId: string): Promise<{ receivedAt: number | null; fannedOutAt: number | null; matchedAt: number | null }> {
  const [row] = (await db.query(
    `SELECT EXTRACT(EPOCH FROM received_at) * 1000 AS received, EXTRACT(EPOCH FROM fanned_out_at) * 1000 AS fanned, EXTRACT(EPOCH FROM matched_at) * 1000 AS matched FROM clips WHERE id = $1`,
    [clipId],
  )) as { received: string | null; fanned: string | null; matched: string | null }[];
  const ms = (v: string | null | undefined): number | null => (v == null ? null : Math.round(Number(v)));
  return { receivedAt: ms(row?.received), fannedOutAt: ms(row?.fanned), matchedAt: ms(row?.matched) };
}

/** Registers three more episodes (distractor footage) into the loaded registry; answers the index work each took, from the log of the shard that holds it. */
async function addEpisodes(holder: BenchApi, workers: Child[]): Promise<number[]> {
  const work = await holder.createWork('added at scale', 3);
  const times: number[] = [];
  const files = ['x_intel_cars', 'x_nasa_launch', 'x_webrtc_mixed_content'].map((n) => resolve(ROOT, '../shared/bench/sources', `${n}.mp4`));
  for (const [i, file] of files.entries()) {
    for (const w of workers) w.drain();
    const r = await holder.uploadEpisode(work.id, file, i + 1);
    await holder.settle([r.id], (id) => holder.registration(id), (x) => x.status !== 'queued' && x.status !== 'fingerprinting', 600_000);
    await new Promise((res) => setTimeout(res, 1500));
    const line = workers.map((w) => /indexed 1 episode\(s\) in \d+ ms, (\d+) ms of it index work/.exec(w.drain())).find((m) => m !== null);
    if (line) times.push(Number(line[1]));
  }
  return times;
}

/** The CPU each thread used between two readings: the main thread's, then the busiest others' (those of 0.1 s or more). */
function threadsUsed(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>, main: number): string {
  const used = [...after].map(([tid, s]) => ({ tid, s: s - (before.get(tid) ?? 0) }));
  const others = used.filter((u) => u.tid !== main && u.s >= 0.1).sort((a, b) => b.s - a.s);
  return [used.find((u) => u.tid === main)?.s ?? 0, ...others.map((u) => u.s)].map((s) => s.toFixed(1)).join(' / ');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
