import { decodeFingerprint, encodeFingerprint, fingerprintFrames, framesOf, GreyFrame } from '@dramaguard/fingerprint';
import { HashIndex } from '@dramaguard/hash-index';
import { proposedLines, withinBudget } from './candidate-budget';
import { finishMatch, planMatch } from './clip-matcher';
import { geometryVotes, sparseRound } from './geometry-search';
import { DEFAULT_MATCHER_OPTIONS } from './matcher-options';
import { decodeProbes, encodeProbes } from './probe-codec';
import { ProbeBuilder } from './query-probe';

const WIDTH = 90;
const HEIGHT = 160;
/** Each synthetic episode's length: together with the clip's other stretches, past geometryMinFrames at 8 fps. */
const FRAMES = 200;
const SHOT_FRAMES = 24;
/** The warm-up index's two episodes. */
export const WARM_UP_EPISODES = ['warm-up', 'warm-up-2'];
/** Shots of a second episode and of unregistered footage start this many frames further into the sequence of shots. */
const SECOND = 1000;
const UNREGISTERED = 5000;

/** A shot's picture: two gratings and a bright disc, each shot its own, moving slowly. */
function frameOf(f: number): GreyFrame {
  const shot = Math.floor(f / SHOT_FRAMES);
  const t = f % SHOT_FRAMES;
  const kx = 0.05 + ((shot * 37) % 11) * 0.013;
  const ky = 0.04 + ((shot * 53) % 13) * 0.011;
  const cx = 20 + ((shot * 29) % 50) + t;
  const cy = 30 + ((shot * 41) % 100);
  const data = new Uint8Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const disc = (x - cx) ** 2 + (y - cy) ** 2 < 300 ? 70 : 0;
      data[y * WIDTH + x] = Math.max(0, Math.min(255, Math.round(110 + 45 * Math.sin(kx * x + t * 0.1 + shot) + 45 * Math.cos(ky * y + shot * 2) + disc)));
    }
  }
  return { width: WIDTH, height: HEIGHT, data };
}

/** A frame of one grey: too flat to hash, as fades and title cards are. */
function flatFrame(): GreyFrame {
  return { width: WIDTH, height: HEIGHT, data: new Uint8Array(WIDTH * HEIGHT).fill(96) };
}

/** The frame without its outer tenth on every side, mirrored or not: a pirate's usual edits. */
function copyOf(frame: GreyFrame, mirror = true): GreyFrame {
  const x0 = Math.round(frame.width / 10);
  const y0 = Math.round(frame.height / 10);
  const width = frame.width - 2 * x0;
  const height = frame.height - 2 * y0;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = frame.data[(y + y0) * frame.width + (mirror ? frame.width - 1 - (x + x0) : x + x0)];
  return { width, height, data };
}

/**
 * A compilation as real uploads make them, of two synthetic episodes
 * registered in the warm-up's index: a few flat frames, the first episode
 * from its 40th frame on, mirrored, cropped and played 1.25 times as fast,
 * unregistered footage, then the second episode from its start, cropped only,
 * at its own speed: stretches meant to take what a clip of one clean copy
 * does not (flat frames, frames that contradict a line, another speed, a line
 * that starts before its episode does, two candidates). After a warm-up on a
 * single clean copy, the first real clip's verification threw away the
 * compiled code of five of its functions (a minus zero, a property never read
 * before, an object of a class not met) and took three to six times the CPU
 * of the same clip matched later; after this one, two were thrown away and
 * it took 1.3 to 2.1 times (docs/BENCHMARK.md, section 59). The code survives
 * a full collection only with the worker's --retain-maps-for-n-gc
 * (scripts/worker-runtime.json).
 */
function compilation(first: readonly GreyFrame[], second: readonly GreyFrame[]): GreyFrame[] {
  const fast = Array.from({ length: 96 }, (_, k) => copyOf(first[40 + Math.round(1.25 * k)]));
  const unregistered = Array.from({ length: 24 }, (_, f) => copyOf(frameOf(UNREGISTERED + f)));
  const flat = Array.from({ length: 8 }, () => copyOf(flatFrame()));
  return [...flat, ...fast, ...unregistered, ...second.slice(0, 96).map((f) => copyOf(f, false))];
}

/** The frames as a shard's thread holds them: views into one block, as it receives them (framesOf). */
function asReceived(clip: readonly GreyFrame[]): GreyFrame[] {
  const { width, height } = clip[0];
  const data = new Uint8Array(clip.length * width * height);
  clip.forEach((f, i) => data.set(f.data, i * width * height));
  return framesOf({ width, height, frames: clip.length, data });
}

/**
 * Matches a compilation of two synthetic episodes (compilation) the way a
 * shard matches a clip: fingerprinting, its full probe, a packed index, the sparse
 * round, stage one, the budget and verification. V8 compiles a function for
 * speed only after many calls, and verification runs a few times a clip: a
 * shard's first clips after a start verified each candidate at half the speed
 * of later ones (docs/BENCHMARK.md, section 39). The clip's probe and the
 * episodes' fingerprints take the way a real clip's do (encoded, decoded, then
 * through a structured clone as a thread's requests are), and its frames
 * arrive as a block: code compiled for objects of other hidden classes is
 * thrown away at the first real clip (section 40). Run once in the match
 * thread before a worker takes clips; answers the episodes it found.
 * `served`, the index the thread will match against, is then searched with
 * the same clip through stage one: a shard's index is in the large layout
 * (three substrings, exact probes) that the synthetic one never takes. In
 * one process the first real clip's stage one took about three times a
 * later clip's after the synthetic rounds alone, and 1.3 to 2 times once
 * they had searched the served index too (docs/BENCHMARK.md, section 57).
 * The search changes nothing in the index.
 */
export function warmUp(rounds = 3, served?: HashIndex): string[] {
  const episodes = [0, SECOND].map((from) => Array.from({ length: FRAMES }, (_, f) => frameOf(from + f)));
  const clip = compilation(episodes[0], episodes[1]);
  const frames = asReceived(clip);
  let found: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const fingerprints = episodes.map((e) => fingerprintFrames(e));
    const index = new HashIndex();
    index.add(fingerprints.map((fingerprint, k) => ({ episode: WARM_UP_EPISODES[k], fingerprint })));
    index.pack();
    const probe = structuredClone(decodeProbes(encodeProbes([{ first: 0, probe: new ProbeBuilder().pushAll(clip).finish() }]))[0].probe);
    const references = structuredClone(
      new Map(
        fingerprints.map((fingerprint, k) => {
          const stored = decodeFingerprint(encodeFingerprint(fingerprint));
          return [WARM_UP_EPISODES[k], { fingerprint: stored, shares: new Uint8Array(stored.frames) }];
        }),
      ),
    );
    const kept = sparseRound(index, { full: probe }, DEFAULT_MATCHER_OPTIONS);
    const tags = geometryVotes(kept, DEFAULT_MATCHER_OPTIONS).map((v) => v.tag);
    const plan = planMatch(index, probe, {}, tags, kept);
    found = finishMatch(withinBudget(plan, proposedLines(plan)), frames, (e) => references.get(e))
      .map((m) => m.episode)
      .sort();
    if (served?.episodeCount) {
      const round = sparseRound(served, { full: probe }, DEFAULT_MATCHER_OPTIONS);
      const proposed = planMatch(served, probe, {}, geometryVotes(round, DEFAULT_MATCHER_OPTIONS).map((v) => v.tag), round);
      withinBudget(proposed, proposedLines(proposed));
    }
  }
  return found;
}
