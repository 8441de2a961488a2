// What packing a serving shard's index costs (HashIndex.pack at once, against
// startPack/packStep in the steps its match thread takes between requests),
// in one process: an index of --hours H of registered key frames (random
// hashes, 1.66 key frames a second as a shard holds; a pack's cost depends on
// the number of entries, not on what they hash) packed, an eighth more added
// chained (the share at which a serving shard packs again), then packed in
// steps of --step entries, timed step by step; the same share added again and
// packed at once. Reports the index's own arrays (memoryBytes) at their peak.
// The last line is one JSON object.
// Usage: npm run bench:pack -- [--hours H] [--step N] (default: the match thread's PACK_STEP)
import { Fingerprint, FULL_FRAME } from '@dramaguard/fingerprint';
import { HashIndex, PACK_STEP } from '@dramaguard/hash-index';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const hours = flag('--hours', 2500);
const step = flag('--step', PACK_STEP);

/** Key frames a registered second gives in the scale benchmark's shards (docs/BENCHMARK.md, section 39). */
const KEY_FRAMES_PER_SECOND = 1.66;
const EPISODE_SECONDS = 90;
const FPS = 8;

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
const mb = (bytes: number): number => Math.round(bytes / 1e6);
const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

/** An episode of random frames whose key frames (every 4th, by the default rules' 2 a second) number `keys`. */
function episode(keys: number): Fingerprint {
  const frames = Math.ceil((keys * FPS) / 2);
  const hashes = new Uint32Array(2 * frames);
  for (let i = 0; i < hashes.length; i++) hashes[i] = (Math.random() * 2 ** 32) >>> 0;
  return { fps: FPS, frames, views: [{ region: FULL_FRAME, hashes, quality: new Uint8Array(frames).fill(90) }] };
}

let added = 0;
function addEntries(index: HashIndex, entries: number): void {
  const perEpisode = Math.round(EPISODE_SECONDS * KEY_FRAMES_PER_SECOND);
  for (const target = index.entryCount + entries; index.entryCount < target; ) index.add([{ episode: `e${added++}`, fingerprint: episode(perEpisode) }]);
}

function main(): void {
  const index = new HashIndex();
  const entries = Math.round(hours * 3600 * KEY_FRAMES_PER_SECOND);
  addEntries(index, entries);
  index.pack();
  const packedBytes = index.memoryBytes();

  addEntries(index, Math.round(index.entryCount / 8));
  const chained = index.unpackedCount;
  const steps: number[] = [];
  let pacedPeak = 0;
  const paced = process.hrtime.bigint();
  index.startPack();
  // Starting allocates the new chunks of words: timed as a step.
  steps.push(ms(paced));
  for (let done = false; !done; ) {
    const t = process.hrtime.bigint();
    done = index.packStep(step);
    steps.push(ms(t));
    pacedPeak = Math.max(pacedPeak, index.memoryBytes());
  }
  const pacedMs = ms(paced);

  addEntries(index, Math.round(index.entryCount / 8));
  const whole = process.hrtime.bigint();
  index.pack();
  const wholeMs = ms(whole);

  console.log(
    JSON.stringify({
      hours,
      entries: index.entryCount,
      chained,
      step,
      whole_ms: Math.round(wholeMs),
      paced_ms: Math.round(pacedMs),
      paced_steps: steps.length,
      step_p50_ms: Math.round(percentile(steps, 0.5) * 10) / 10,
      step_max_ms: Math.round(Math.max(...steps) * 10) / 10,
      index_mb_packed: mb(packedBytes),
      index_mb_peak_paced: mb(pacedPeak),
    }),
  );
}

main();
