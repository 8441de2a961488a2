// Where a match spends its time against a large registry, in one process:
// the set's refs fingerprinted and indexed with synthetic episodes made from
// them (scale/synthetic-episodes.ts, the registry of bench:scale) up to H
// hours, then 60 s clips (copies under pirate edits and non-copies of the
// distractor footage, scale/scale-clips.ts) matched with the two stages timed
// apart, with the index's search counters. The last line is one JSON object.
// With --dev-queries, the dev set's queries are matched too, against the
// same registry: their pairs found and false pairs (bench:quality matches
// them against the bare refs).
// --seconds S matches only the first S seconds of each clip, for the time of
// shorter clips (recall then counts the first ref of a copy only).
// --refs A,B indexes only those refs (the synthetic episodes are still made
// from all seven), as one shard of bench:scale holds some of them: a copy of a
// ref alone on its shard gets no help from the clip's other copies in naming
// the geometry. Recall then counts the indexed refs only.
// The index loads as a shard's does, staged then packed (HashIndex.stage); with
// --chained, through the chains as shards loaded before.
// With --stage-one, only stage one is timed, as a shard's geometry and match
// jobs run it: from the clip's full probe (hashed once beforehand, as the
// decoding worker does), its sparse round, the geometries it votes for, then
// the other frames under those (this index's votes standing for every
// shard's). What a shard's two lookup rounds cost without the jobs around them.
// With --beside too, each clip's stage one runs twice a pass, alone and with a
// verification thread searching beside this one (HashIndex.searchBeside, as
// the match thread's first verification thread does), in turn first: wall
// and process CPU (both threads) of each.
// Usage: npm run bench:scale-match -- [--hours H] [--copies C] [--others O] [--runs R] [--seconds S] [--refs A,B] [--dev-queries] [--chained] [--stage-one [--beside]] [--options JSON]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Fingerprint, FINGERPRINT_FPS, GreyFrame } from '@dramaguard/fingerprint';
import { HashIndex } from '@dramaguard/hash-index';
import { finishMatch, fullProbe, geometryVotes, MatcherOptions, matcherOptions, planMatch, QueryProbe, sharedGeometries, sparseRound } from '@dramaguard/matcher';
import { MessageChannel, Worker } from 'node:worker_threads';
import { SearchBeside } from '../libs/matching/src/matching/search-beside';
import { threadEntry } from '../libs/matching/src/matching/thread-entry';
import { fingerprintOf, frames } from './bench-frames';
import { scaleClips } from './scale/scale-clips';
import { syntheticEpisodes } from './scale/synthetic-episodes';

const ROOT = resolve(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const hours = flag('--hours', 200);
const copies = flag('--copies', 5);
const others = flag('--others', 3);
const runs = flag('--runs', 1);
const clipSeconds = flag('--seconds', 60);
const options: Partial<MatcherOptions> = args.includes('--options') ? JSON.parse(args[args.indexOf('--options') + 1]) : {};
const setDir = resolve(ROOT, '../shared/bench/dev');
const REFS = ['bbb_opening', 'intel_asl_signing', 'intel_bottles', 'mdn_chroma_talk', 'mdn_toys', 'sintel_trailer', 'webrtc_chrome_clay'];
const indexed = new Set(args.includes('--refs') ? args[args.indexOf('--refs') + 1].split(',') : REFS);

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
/** CPU time of this process since `start`: steadier than wall time on a machine shared with other runs. */
const cpuMs = (start: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
};
const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const round = (x: number): number => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const index = new HashIndex({ retainReferences: true });
  if (!args.includes('--chained')) index.stage();
  const refs: Fingerprint[] = [];
  for (const name of REFS) {
    const fp = fingerprintOf(await frames(join(setDir, 'refs', `${name}.mp4`)));
    refs.push(fp);
    if (indexed.has(name)) index.add([{ episode: name, fingerprint: fp }]);
  }
  const refSeconds = refs.filter((_, i) => indexed.has(REFS[i])).reduce((n, fp) => n + fp.frames / FINGERPRINT_FPS, 0);
  let seconds = refSeconds;
  let built = process.hrtime.bigint();
  let n = 0;
  for (const e of syntheticEpisodes(refs, hours * 3600 - refSeconds)) {
    index.add([{ episode: `syn-${n++}${e.nearMiss ? '-near' : ''}`, fingerprint: e.fingerprint }]);
    seconds += e.fingerprint.frames / FINGERPRINT_FPS;
  }
  const loaded = index.memoryBytes();
  const packStart = process.hrtime.bigint();
  // As a shard does once it has loaded (EpisodeIndex).
  index.pack();
  console.log(`index: ${(seconds / 3600).toFixed(0)} h, ${index.episodeCount} episodes, ${index.entryCount} entries, ${(index.memoryBytes() / 1e6).toFixed(0)} MB (${(loaded / 1e6).toFixed(0)} MB before the pack), built in ${(ms(built) / 1000).toFixed(1)} s, packed in ${(ms(packStart) / 1000).toFixed(1)} s`);

  const clips = scaleClips(setDir, resolve(ROOT, '../shared/bench/sources'), join(ROOT, 'bench/out/scale-clips'), copies, others);
  const decoded: GreyFrame[][] = [];
  for (const c of clips) decoded.push((await frames(c.file)).slice(0, Math.round(clipSeconds * FINGERPRINT_FPS)));
  if (args.includes('--stage-one') && args.includes('--beside')) return besideOrAlone(index, decoded);
  if (args.includes('--stage-one')) return stageOne(index, decoded);

  const plan: number[] = [];
  const finish: number[] = [];
  const total: number[] = [];
  const planCpu: number[] = [];
  const finishCpu: number[] = [];
  const perClip: Record<string, number>[] = [];
  let found = 0;
  let expected = 0;
  let falseAlarms = 0;
  for (let run = 0; run < runs; run++) {
    clips.forEach((clip, k) => {
      const before = { ...index.counters };
      let t = process.hrtime.bigint();
      let cpu = process.cpuUsage();
      const p = planMatch(index, decoded[k], options);
      const planMs = ms(t);
      planCpu.push(cpuMs(cpu));
      t = process.hrtime.bigint();
      cpu = process.cpuUsage();
      const matches = finishMatch(p, decoded[k], (e) => index.reference(e), options);
      const finishMs = ms(t);
      finishCpu.push(cpuMs(cpu));
      plan.push(planMs);
      finish.push(finishMs);
      total.push(planMs + finishMs);
      const c = index.counters;
      const counts = { lookups: c.lookups - before.lookups, walked: c.walked - before.walked, read: c.read - before.read, hits: c.hits - before.hits, candidates: p.candidates.length };
      if (run > 0) return;
      perClip.push(counts);
      const matched = new Set(matches.map((m) => m.episode));
      const shown = (clipSeconds < 60 ? clip.copies.slice(0, 1) : clip.copies).filter((e) => indexed.has(e));
      expected += shown.length;
      found += shown.filter((e) => matched.has(e)).length;
      const wrong = [...matched].filter((e) => !clip.copies.includes(e));
      falseAlarms += wrong.length;
      const name = clip.file.split('/').pop();
      console.log(`${name}: plan ${planMs.toFixed(0)} ms (cpu ${planCpu[planCpu.length - 1].toFixed(0)}), finish ${finishMs.toFixed(0)} ms (cpu ${finishCpu[finishCpu.length - 1].toFixed(0)}); ${JSON.stringify(counts)}; found ${[...matched].join(', ') || 'nothing'}${wrong.length ? ` (false: ${wrong.join(', ')})` : ''}`);
    });
  }
  const dev = args.includes('--dev-queries') ? await devQueries(index) : undefined;
  const mean = (key: string): number => Math.round(perClip.reduce((s, c) => s + c[key], 0) / perClip.length);
  console.log(
    JSON.stringify({
      hours: Math.round(seconds / 3600),
      entries: index.entryCount,
      memoryBytes: index.memoryBytes(),
      bytesPerEntry: round(index.memoryBytes() / index.entryCount),
      clips: clips.length,
      clip_seconds: clipSeconds,
      runs,
      plan_p50_ms: round(percentile(plan, 0.5)),
      plan_p95_ms: round(percentile(plan, 0.95)),
      finish_p50_ms: round(percentile(finish, 0.5)),
      finish_p95_ms: round(percentile(finish, 0.95)),
      total_p50_ms: round(percentile(total, 0.5)),
      total_p95_ms: round(percentile(total, 0.95)),
      plan_cpu_p50_ms: round(percentile(planCpu, 0.5)),
      plan_cpu_p95_ms: round(percentile(planCpu, 0.95)),
      finish_cpu_p50_ms: round(percentile(finishCpu, 0.5)),
      finish_cpu_p95_ms: round(percentile(finishCpu, 0.95)),
      lookups: mean('lookups'),
      walked: mean('walked'),
      read: mean('read'),
      hits: mean('hits'),
      candidates: mean('candidates'),
      recall: Number((found / Math.max(1, expected)).toFixed(4)),
      false_alarms: falseAlarms,
      ...(dev && { dev_pairs_found: dev.found, dev_pairs: dev.expected, dev_false_pairs: dev.false }),
      options,
    }),
  );
}

/** Stage one alone, as a shard's jobs run it, per clip and part: CPU percentiles over every run after the first (the first compiles). */
function stageOne(index: HashIndex, decoded: GreyFrame[][]): void {
  const o = matcherOptions(options);
  const probes = decoded.map((f) => fullProbe(f));
  const parts: Record<'sparse' | 'votes' | 'match' | 'total', number[]> = { sparse: [], votes: [], match: [], total: [] };
  // The first pass compiles; at least one more is measured.
  const passes = Math.max(2, runs);
  let lookups = 0;
  for (let run = 0; run < passes; run++) {
    probes.forEach((full) => {
      // A fresh copy each pass, as the match thread receives a posted probe: no pass reads another's warm arrays.
      const probe = structuredClone(full);
      const before = index.counters.lookups;
      const { sparse, voted, match } = timedStageOne(index, probe, o);
      if (run === 0) return;
      parts.sparse.push(sparse);
      parts.votes.push(voted);
      parts.match.push(match);
      parts.total.push(sparse + voted + match);
      lookups += index.counters.lookups - before;
    });
  }
  const summary: Record<string, number> = {};
  for (const p of [0.5, 0.95]) for (const [part, xs] of Object.entries(parts)) summary[`${part}_cpu_p${p * 100}_ms`] = round(percentile(xs, p));
  console.log(JSON.stringify({ hours, entries: index.entryCount, clips: decoded.length, runs: passes - 1, lookups: Math.round(lookups / parts.total.length), ...summary, options }));
}

/** Stage one of a clip from its full probe as a shard's geometry and match jobs run it: the sparse round, the geometries it votes for, then the other frames under those; each part's CPU. */
function timedStageOne(index: HashIndex, probe: QueryProbe, o: MatcherOptions): { sparse: number; voted: number; match: number } {
  const t0 = process.cpuUsage();
  const kept = sparseRound(index, { full: probe }, o);
  const sparse = cpuMs(t0);
  const t1 = process.cpuUsage();
  const votes = geometryVotes(kept, o);
  const voted = cpuMs(t1);
  const t2 = process.cpuUsage();
  planMatch(index, probe, options, sharedGeometries([votes], o.sharedGeometryCount), kept);
  return { sparse, voted, match: cpuMs(t2) };
}

/** Stage one (sparse round, votes, match round) of each clip alone and with a thread searching beside, in turn first: wall and CPU percentiles over every pass but the first. */
async function besideOrAlone(index: HashIndex, decoded: GreyFrame[][]): Promise<void> {
  const o = matcherOptions(options);
  const probes = decoded.map((f) => fullProbe(f));
  const { file, options: threadOptions } = threadEntry('verify-thread', { resourceLimits: {} });
  const worker = new Worker(file, threadOptions);
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ op: 'search-port', port: port2 }, [port2]);
  const beside = new SearchBeside(port1);
  await new Promise((resolve) => worker.once('online', resolve));
  const readings: Record<'alone' | 'beside', { wall: number[]; cpu: number[] }> = { alone: { wall: [], cpu: [] }, beside: { wall: [], cpu: [] } };
  const passes = Math.max(2, runs);
  for (let run = 0; run < passes; run++) {
    for (const [k, full] of probes.entries()) {
      for (const mode of (k + run) % 2 ? (['beside', 'alone'] as const) : (['alone', 'beside'] as const)) {
        index.searchBeside(mode === 'beside' ? beside : null);
        const probe = structuredClone(full);
        const t = process.hrtime.bigint();
        const c = process.cpuUsage();
        timedStageOne(index, probe, o);
        if (run > 0) {
          readings[mode].wall.push(ms(t));
          readings[mode].cpu.push(cpuMs(c));
        }
      }
    }
  }
  index.searchBeside(null);
  await worker.terminate();
  const summary: Record<string, number> = {};
  for (const [mode, r] of Object.entries(readings)) {
    for (const p of [0.5, 0.95]) {
      summary[`${mode}_wall_p${p * 100}_ms`] = round(percentile(r.wall, p));
      summary[`${mode}_cpu_p${p * 100}_ms`] = round(percentile(r.cpu, p));
    }
  }
  console.log(JSON.stringify({ hours, entries: index.entryCount, clips: decoded.length, runs: passes - 1, ...summary, options }));
}

/** The dev set's queries against the large registry: true (query, ref) pairs found, of all, and false pairs. */
async function devQueries(index: HashIndex): Promise<{ found: number; expected: number; false: number }> {
  const truth = JSON.parse(readFileSync(join(setDir, 'truth.json'), 'utf8')) as { query: string; file: string; segments: { ref: string }[] }[];
  const out = { found: 0, expected: 0, false: 0 };
  for (const q of truth) {
    const clip = await frames(join(setDir, q.file));
    const refs = new Set(q.segments.map((s) => s.ref));
    const matched = new Set(finishMatch(planMatch(index, clip, options), clip, (e) => index.reference(e), options).map((m) => m.episode));
    out.expected += refs.size;
    out.found += [...refs].filter((r) => matched.has(r)).length;
    const wrong = [...matched].filter((m) => !refs.has(m));
    out.false += wrong.length;
    const missed = [...refs].filter((r) => !matched.has(r));
    if (wrong.length || missed.length) console.log(`dev ${q.query}: missed ${missed.join(', ') || '-'}; false ${wrong.join(', ') || '-'}`);
  }
  return out;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
