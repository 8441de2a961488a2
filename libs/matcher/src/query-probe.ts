import { ActiveRegionDetector, GreyFrame, Hypothesis, InsetPictureDetector, queryHypotheses, RegionHasher } from '@dramaguard/fingerprint';

/** Stage-one hashes of a clip: for every frame, every geometric hypothesis, plain and mirrored. */
export interface QueryProbe {
  readonly hypotheses: readonly Hypothesis[];
  readonly frames: number;
  /** Frame-major: hash of frame f under hypothesis h at words 2(f H + h), 2(f H + h) + 1. */
  readonly hashes: Uint32Array;
  readonly mirrored: Uint32Array;
  readonly quality: Uint8Array;
}

export function probeClip(frames: readonly GreyFrame[], plain = false): QueryProbe {
  const hypotheses = frames.length ? queryHypotheses(plain ? { active: null, inset: null, aspect: 1, plain } : clipLayout(frames)) : [];
  const H = hypotheses.length;
  const rects = hypotheses.map((h) => h.rect);
  const hashes = new Uint32Array(2 * H * frames.length);
  const mirrored = new Uint32Array(2 * H * frames.length);
  const quality = new Uint8Array(H * frames.length);
  frames.forEach((frame, f) => {
    const h = new RegionHasher(frame).hash(rects);
    hashes.set(h.hashes, 2 * H * f);
    mirrored.set(h.mirrored, 2 * H * f);
    quality.set(h.quality, H * f);
  });
  return { hypotheses, frames: frames.length, hashes, mirrored, quality };
}

function clipLayout(frames: readonly GreyFrame[]) {
  const { width, height } = frames[0];
  const padding = new ActiveRegionDetector(width, height);
  const inset = new InsetPictureDetector(width, height);
  for (const f of frames) {
    padding.push(f);
    inset.push(f);
  }
  return { active: padding.detect(), inset: inset.detect(), aspect: width / height };
}
