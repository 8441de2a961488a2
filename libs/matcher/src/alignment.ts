// Bound once: a hot loop then does not look up the global Math on every call,
// which is slow inside a vm context (jest runs the specs in one).
const { abs, floor, max, min } = Math;

/** A frame-level hit between a clip frame and a registered frame, both as frame indices. */
export interface FrameHit {
  readonly q: number;
  readonly r: number;
  /** Evidence of the hit, 0..1 (1 = identical hashes). */
  readonly weight: number;
}

/** A line through the hits: registered time = offset + speed x clip time (seconds). */
export interface AlignmentPeak {
  readonly speed: number;
  readonly offset: number;
  /** Sum over distinct clip frames of their best hit weight on the line. */
  readonly support: number;
  /** Indices (into the hit list) of the hits on the line. */
  readonly hits: number[];
}

export interface AlignmentOptions {
  readonly fps: number;
  readonly minSpeed: number;
  readonly maxSpeed: number;
  readonly speedStep: number;
  /** Width of an offset bin in seconds; votes are pooled over three neighbouring bins. */
  readonly offsetBin: number;
  /** Hits within this many seconds of a peak's line belong to it. */
  readonly tolerance: number;
  readonly maxPeaks: number;
  readonly minSupport: number;
}

/**
 * Hough vote over (speed ratio, time offset), the Shazam-style alignment extended
 * with the frame-rate ratio of the MPEG-7 signature's matcher: a copy puts its
 * hits on one line r = offset + speed q, whatever its speed-up, while chance hits
 * scatter. Each clip frame votes at most once per cell, so a static scene that
 * matches many registered frames does not outvote a moving one.
 *
 * Peaks are taken one at a time, each vote counting only the hits no earlier
 * peak's line holds: a short stretch fits lines of many speeds, and those
 * tilted copies of one peak would otherwise take the places of a distinct
 * stretch of the same episode (an intro and a recap).
 */
export function voteAlignment(hits: readonly FrameHit[], o: AlignmentOptions): AlignmentPeak[] {
  const peaks: AlignmentPeak[] = [];
  const claimed = new Uint8Array(hits.length);
  while (peaks.length < o.maxPeaks) {
    const free: number[] = [];
    for (let h = 0; h < hits.length; h++) if (!claimed[h]) free.push(h);
    const cell = bestCell(hits, free, o);
    if (!cell) break;
    const offset = (cell.bin + 0.5) * o.offsetBin;
    const on: number[] = [];
    for (let h = 0; h < hits.length; h++) {
      const t = hits[h].r / o.fps - (offset + (cell.speed * hits[h].q) / o.fps);
      if (abs(t) > o.tolerance) continue;
      on.push(h);
      claimed[h] = 1;
    }
    peaks.push({ speed: cell.speed, offset, support: cell.support, hits: on });
  }
  return peaks;
}

/**
 * The best-supported (speed, offset bin) cell of the given hits, or null below
 * minSupport; ties go to the lower speed and offset. Supports are summed per
 * cell in a dense array, clip frame by clip frame (each adding its best weight
 * once), so the 71 speed steps cost a pass over the hits each, not a sort.
 */
function bestCell(hits: readonly FrameHit[], subset: readonly number[], o: AlignmentOptions): { speed: number; bin: number; support: number } | null {
  if (!subset.length) return null;
  const byQ = [...subset].sort((a, b) => hits[a].q - hits[b].q);
  // The hits in clip order as plain numbers, and where each clip frame's run of them ends: the 71 passes read these only.
  const m = byQ.length;
  const qs = new Float64Array(m);
  const rs = new Float64Array(m);
  const ws = new Float64Array(m);
  const runEnd = new Int32Array(m);
  let qMin = Infinity, qMax = -Infinity, rMin = Infinity, rMax = -Infinity;
  for (let i = 0; i < m; i++) {
    const { q, r, weight } = hits[byQ[i]];
    qs[i] = q; rs[i] = r; ws[i] = weight;
    qMin = min(qMin, q); qMax = max(qMax, q);
    rMin = min(rMin, r); rMax = max(rMax, r);
  }
  for (let i = m - 1; i >= 0; i--) runEnd[i] = i + 1 < m && qs[i + 1] === qs[i] ? runEnd[i + 1] : i + 1;
  const scale = o.fps * o.offsetBin;
  // Every bin any speed step can produce, with a margin for the pooled neighbours and rounding.
  const lo = floor((rMin - (o.maxSpeed + o.speedStep) * qMax) / scale) - 2;
  const size = floor((rMax - (o.minSpeed - o.speedStep) * qMin) / scale) + 3 - lo;
  const support = new Float64Array(size);
  const frameBest = new Float64Array(size);
  const frameStamp = new Int32Array(size).fill(-1);
  const speedStamp = new Int32Array(size).fill(-1);
  const touched = new Int32Array(size);
  const frameCells = new Int32Array(3 * m);
  const { fps, offsetBin } = o;
  let best: { speed: number; bin: number; support: number } | null = null;
  let stamp = 0;
  const steps = Math.round((o.maxSpeed - o.minSpeed) / o.speedStep);
  for (let s = 0; s <= steps; s++) {
    const speed = o.minSpeed + s * o.speedStep;
    let nTouched = 0;
    for (let i = 0; i < m; ) {
      const end = runEnd[i];
      stamp++;
      let nCells = 0;
      let lastBin = -1;
      let lastWeight = 0;
      for (; i < end; i++) {
        const weight = ws[i];
        const bin = floor((rs[i] - speed * qs[i]) / fps / offsetBin) - lo;
        // The previous hit's cells already hold at least its weight: a lighter hit in the same bin changes none.
        if (bin === lastBin && weight <= lastWeight) continue;
        lastBin = bin;
        lastWeight = weight;
        for (let c = bin - 1; c <= bin + 1; c++) {
          if (frameStamp[c] !== stamp) {
            frameStamp[c] = stamp;
            frameBest[c] = weight;
            frameCells[nCells++] = c;
          } else frameBest[c] = max(frameBest[c], weight);
        }
      }
      for (let k = 0; k < nCells; k++) {
        const c = frameCells[k];
        if (speedStamp[c] !== s) {
          speedStamp[c] = s;
          support[c] = 0;
          touched[nTouched++] = c;
        }
        support[c] += frameBest[c];
      }
    }
    let cell = -1;
    for (let k = 0; k < nTouched; k++) {
      const c = touched[k];
      if (support[c] >= o.minSupport && (cell < 0 || support[c] > support[cell] || (support[c] === support[cell] && c < cell))) cell = c;
    }
    if (cell >= 0 && (!best || support[cell] > best.support)) best = { speed, bin: cell + lo, support: support[cell] };
  }
  return best;
}

/**
 * Least-squares line r = a + b q through the given points after discarding, in
 * three rounds, those farther than `tolerance` from the current fit. Returns
 * null when fewer than 3 points remain or the slope leaves [minSlope, maxSlope].
 */
export function robustLine(
  points: ReadonlyArray<{ q: number; r: number }>,
  start: { a: number; b: number },
  tolerance: number,
  minSlope: number,
  maxSlope: number,
): { a: number; b: number; inliers: number } | null {
  let { a, b } = start;
  let inliers = 0;
  for (let round = 0; round < 3; round++) {
    let n = 0, sq = 0, sr = 0, sqq = 0, sqr = 0;
    for (const p of points) {
      if (abs(p.r - (a + b * p.q)) > tolerance) continue;
      n++; sq += p.q; sr += p.r; sqq += p.q * p.q; sqr += p.q * p.r;
    }
    if (n < 3) return null;
    inliers = n;
    const den = n * sqq - sq * sq;
    if (den <= 1e-9) {
      a = (sr - b * sq) / n;
      continue;
    }
    const nb = (n * sqr - sq * sr) / den;
    if (nb < minSlope || nb > maxSlope) return null;
    b = nb;
    a = (sr - b * sq) / n;
  }
  return { a, b, inliers };
}
