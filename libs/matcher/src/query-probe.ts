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
  return emptyProbe(hypotheses, frames.length);
}

function emptyProbe(hypotheses: readonly Hypothesis[], frames: number): QueryProbe {
  const cells = hypotheses.length * frames;
  return { hypotheses, frames, hashes: new Uint32Array(2 * cells), mirrored: new Uint32Array(2 * cells), quality: new Uint8Array(cells), hashed: new Uint8Array(cells) };
}

/**
 * Where stage one gets the clip's hashes: its frames, hashed as the search
 * asks, or the clip's probe hashed in full once (fullProbe) by the worker that
 * decoded it, so that every shard copies what it would otherwise hash itself.
 */
export type ProbeSource = { readonly frames: readonly GreyFrame[] } | { readonly full: QueryProbe };

/**
 * The hypotheses of the clip and nothing hashed yet: from its frames (its
 * layout) or from its full probe. Either way the search then asks for, and
 * marks hashed, exactly the same (frame, hypothesis) pairs, so a match from
 * a full probe is the match from the frames.
 */
export function openProbe(source: ProbeSource, plain = false): QueryProbe {
  return 'frames' in source ? probeClip(source.frames, plain) : emptyProbe(source.full.hypotheses, source.full.frames);
}

/** Hashes the given frames under the given hypotheses (those not hashed yet), plain and mirrored, or copies them from the full probe. */
export function hashProbe(probe: QueryProbe, source: ProbeSource, which: readonly number[], hypotheses: readonly number[]): void {
  const H = probe.hypotheses.length;
  let hasher: RegionHasher | null = null;
  for (const f of which) {
    let loaded: RegionHasher | null = null;
    for (const h of hypotheses) {
      const at = f * H + h;
      if (probe.hashed[at]) continue;
      if ('full' in source) copyHash(source.full, probe, at);
      else {
        loaded ??= hasher = hasher ? hasher.load(source.frames[f]) : new RegionHasher(source.frames[f]);
        probe.quality[at] = loaded.hashBoth(probe.hypotheses[h].rect, probe.hashes, probe.mirrored, at);
      }
      probe.hashed[at] = 1;
    }
  }
}

/** Every frame under every hypothesis (what a clip's shards may ask for), with `probeStride` 1. */
export function fullProbe(frames: readonly GreyFrame[], plain = false): QueryProbe {
  return new ProbeBuilder().pushAll(frames).finish(plain);
}

/**
 * A clip's full probe, hashed while its frames arrive. Most hypotheses do not
 * depend on the clip's layout: those rooted in the whole frame, a portrait
 * picture centred in a landscape one, the corner grid standing in for an inset
 * the detector may miss. Those are hashed frame by frame, while the decoder
 * is still at work; the ones inside detected padding or a detected inset wait
 * for the layout, known once every frame is in.
 */
export class ProbeBuilder {
  private readonly frames: GreyFrame[] = [];
  private early: { readonly hypotheses: Hypothesis[]; readonly hasher: RegionHasher; readonly hashes: Uint32Array[]; readonly mirrored: Uint32Array[]; readonly quality: Uint8Array[] } | null = null;

  push(frame: GreyFrame): this {
    this.frames.push(frame);
    if (!this.early) {
      const hypotheses = queryHypotheses({ active: null, inset: null, aspect: frame.width / frame.height });
      this.early = { hypotheses, hasher: new RegionHasher(frame), hashes: [], mirrored: [], quality: [] };
    } else this.early.hasher.load(frame);
    const { hypotheses, hasher } = this.early;
    const hashes = new Uint32Array(2 * hypotheses.length);
    const mirrored = new Uint32Array(2 * hypotheses.length);
    const quality = new Uint8Array(hypotheses.length);
    for (let h = 0; h < hypotheses.length; h++) quality[h] = hasher.hashBoth(hypotheses[h].rect, hashes, mirrored, h);
    this.early.hashes.push(hashes);
    this.early.mirrored.push(mirrored);
    this.early.quality.push(quality);
    return this;
  }

  pushAll(frames: readonly GreyFrame[]): this {
    for (const f of frames) this.push(f);
    return this;
  }

  /** The probe of every frame pushed, under the hypotheses of the clip's layout (the plain one only for the plain baseline). */
  finish(plain = false): QueryProbe {
    const probe = probeClip(this.frames, plain);
    const H = probe.hypotheses.length;
    const early = this.early;
    const late: number[] = [];
    probe.hypotheses.forEach((hypothesis, h) => {
      const e = early ? early.hypotheses.findIndex((x) => sameHypothesis(x, hypothesis)) : -1;
      if (e < 0 || !early) return late.push(h);
      for (let f = 0; f < probe.frames; f++) {
        const at = f * H + h;
        probe.hashes[2 * at] = early.hashes[f][2 * e];
        probe.hashes[2 * at + 1] = early.hashes[f][2 * e + 1];
        probe.mirrored[2 * at] = early.mirrored[f][2 * e];
        probe.mirrored[2 * at + 1] = early.mirrored[f][2 * e + 1];
        probe.quality[at] = early.quality[f][e];
        probe.hashed[at] = 1;
      }
    });
    hashProbe(probe, { frames: this.frames }, this.frames.map((_, f) => f), late);
    return probe;
  }
}

/** Same region, same hash: the root a hypothesis came from does not enter it. */
function sameHypothesis(a: Hypothesis, b: Hypothesis): boolean {
  const r = a.rect;
  const s = b.rect;
  return r.x0 === s.x0 && r.y0 === s.y0 && r.x1 === s.x1 && r.y1 === s.y1 && (r.angle ?? 0) === (s.angle ?? 0);
}

function copyHash(from: QueryProbe, to: QueryProbe, at: number): void {
  if (!from.hashed[at]) throw new Error(`the clip's probe lacks the hash at ${at}`);
  to.hashes[2 * at] = from.hashes[2 * at];
  to.hashes[2 * at + 1] = from.hashes[2 * at + 1];
  to.mirrored[2 * at] = from.mirrored[2 * at];
  to.mirrored[2 * at + 1] = from.mirrored[2 * at + 1];
  to.quality[at] = from.quality[at];
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
