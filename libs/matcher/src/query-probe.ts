import { ActiveRegionDetector, GreyFrame, Hypothesis, InsetPictureDetector, queryHypotheses, RegionHasher } from '@dramaguard/fingerprint';

/** Stage-one hashes of a clip: frames under geometric hypotheses, plain and mirrored, hashed on demand. */
export interface QueryProbe {
  readonly hypotheses: readonly Hypothesis[];
  readonly frames: number;
  /** Frame-major: hash of frame f under hypothesis h at words 2(f H + h), 2(f H + h) + 1. */
  readonly hashes: Uint32Array;
  readonly mirrored: Uint32Array;
  readonly quality: Uint8Array;
  /** 1 where (frame, hypothesis) has been hashed (hashProbe). */
  readonly hashed: Uint8Array;
}

/** The clip's hypotheses, with nothing hashed yet. */
export function probeClip(frames: readonly GreyFrame[], plain = false): QueryProbe {
  const hypotheses = frames.length ? queryHypotheses(plain ? { active: null, inset: null, aspect: 1, plain } : clipLayout(frames)) : [];
  const H = hypotheses.length;
  const n = frames.length;
  return { hypotheses, frames: n, hashes: new Uint32Array(2 * H * n), mirrored: new Uint32Array(2 * H * n), quality: new Uint8Array(H * n), hashed: new Uint8Array(H * n) };
}

/** Hashes the given frames under the given hypotheses (those not hashed yet), plain and mirrored. */
export function hashProbe(probe: QueryProbe, frames: readonly GreyFrame[], which: readonly number[], hypotheses: readonly number[]): void {
  const H = probe.hypotheses.length;
  let hasher: RegionHasher | null = null;
  for (const f of which) {
    hasher = hasher ? hasher.load(frames[f]) : new RegionHasher(frames[f]);
    for (const h of hypotheses) {
      const at = f * H + h;
      if (probe.hashed[at]) continue;
      probe.quality[at] = hasher.hashBoth(probe.hypotheses[h].rect, probe.hashes, probe.mirrored, at);
      probe.hashed[at] = 1;
    }
  }
}

/**
 * Frames the layout detectors average over, at most: both accumulate per-pixel
 * detail over the clip, and bars or an inset's border stay put, so 16 s worth
 * of frames spread over a long clip show them as well as all of them (the
 * detectors were a sixth of a 60 s clip's stage one).
 */
export const LAYOUT_FRAMES = 128;

function clipLayout(frames: readonly GreyFrame[]) {
  const { width, height } = frames[0];
  const padding = new ActiveRegionDetector(width, height);
  const inset = new InsetPictureDetector(width, height);
  const count = Math.min(frames.length, LAYOUT_FRAMES);
  for (let k = 0; k < count; k++) {
    const f = frames[Math.floor((k * frames.length) / count)];
    padding.push(f);
    inset.push(f);
  }
  return { active: padding.detect(), inset: inset.detect(), aspect: width / height };
}
