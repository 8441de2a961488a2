import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collector = (options?: { type: 'minor' | 'major' }) => void;

let gc: Collector | null = null;

/**
 * Node exposes the collector only to code run with --expose-gc, so the flag
 * is set at run time and the function read from a fresh context (setting it
 * does not add `gc` to contexts that exist); read once per thread.
 */
function collector(): Collector {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Collector;
  }
  return gc;
}

/**
 * A full garbage collection of the calling thread's heap, now. Loading a shard
 * reads every fingerprint once and keeps only its key frames; V8 returns that
 * garbage to the system only when it next collects in full, which an idle
 * worker may not do for a long time: measured on one shard of 250 hours, the
 * process stayed at 291 MB resident after loading and fell to 243 MB after
 * one collection.
 */
export function collectGarbage(): void {
  collector()();
}

/**
 * A collection of the calling thread's young generation only (a tenth of a
 * millisecond): the frames a video streams through are dropped young, but
 * their bytes lie outside V8's heap, and V8 lets tens of megabytes of them
 * wait for its next collection, each taking room in the malloc heap that the
 * worker then keeps (docs/BENCHMARK.md, section 37).
 */
export function collectYoung(): void {
  collector()({ type: 'minor' });
}

/** Frames between two collections of the young generation: about 2.4 MB of them at 256 px. */
export const FRAMES_PER_COLLECTION = 64;

/** The frames as they come, the young generation collected after every `every` of them are handled (collectYoung). */
export async function* youngCollected<T>(frames: AsyncIterable<T>, every = FRAMES_PER_COLLECTION): AsyncGenerator<T> {
  let n = 0;
  for await (const frame of frames) {
    yield frame;
    if (++n % every === 0) collectYoung();
  }
}
