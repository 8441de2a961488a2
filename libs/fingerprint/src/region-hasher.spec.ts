import { random, renderFrame, syntheticVideo } from '../test/synthetic-video';
import { HASH_FREQS, HASH_GRID, lowFrequencyDct, middlePair } from './dct-hash';
import { FULL_FRAME, GreyFrame } from './grey-frame';
import { hamming64 } from './hamming';
import { RegionHasher } from './region-hasher';

const centre = { x0: 0.15, y0: 0.15, x1: 0.85, y1: 0.85 };

function hashOf(frame: GreyFrame, region = centre): Uint32Array {
  return new RegionHasher(frame).hash([region], false).hashes;
}

describe('RegionHasher', () => {
  const video = syntheticVideo(11, 12);
  const original = renderFrame(video, 4.2, 144, 256);
  const h0 = hashOf(original);

  it.each([
    ['re-encoded (noise)', renderFrame(video, 4.2, 144, 256, { noise: 8, seed: 3 })],
    ['rescaled to a quarter of the pixels', renderFrame(video, 4.2, 72, 128)],
    ['brightened and contrast-stretched', renderFrame(video, 4.2, 144, 256, { tone: (v) => v * 1.15 + 15 })],
    ['gamma-shifted', renderFrame(video, 4.2, 144, 256, { tone: (v) => 255 * Math.pow(Math.max(0, v) / 255, 0.85) })],
  ])('hashes a frame and its %s version close', (_, edited) => {
    expect(hamming64(h0, 0, hashOf(edited), 0)).toBeLessThanOrEqual(8);
  });

  it('hashes unrelated frames far apart', () => {
    const distances = [21, 22, 23, 24, 25, 26].map((seed) => hamming64(h0, 0, hashOf(renderFrame(syntheticVideo(seed, 12), 4.2, 144, 256)), 0));
    expect(Math.min(...distances)).toBeGreaterThanOrEqual(16);
  });

  it('gives a mirrored frame the mirror variant of the original hash', () => {
    const mirrored = renderFrame(video, 4.2, 144, 256, { mirror: true });
    const original = new RegionHasher(renderFrame(video, 4.2, 144, 256)).hash([centre], true);
    const flipped = hashOf(mirrored);
    expect(hamming64(original.mirrored, 0, flipped, 0)).toBeLessThanOrEqual(4);
    expect(hamming64(original.hashes, 0, flipped, 0)).toBeGreaterThan(12);
  });

  it('hashes the same picture content the same when it was cropped out of a larger frame', () => {
    // The copy shows the window [0.1, 0.9] x [0.05, 0.85] of the original, scaled back to full size;
    // the original's centre lies at ((0.15 - 0.1) / 0.8, (0.15 - 0.05) / 0.8, ...) of the copy.
    const copy = renderFrame(video, 4.2, 144, 256, { window: { x0: 0.1, y0: 0.05, x1: 0.9, y1: 0.85 } });
    const inCopy = { x0: 0.05 / 0.8, y0: 0.1 / 0.8, x1: 0.75 / 0.8, y1: 0.8 / 0.8 };
    expect(hamming64(h0, 0, hashOf(copy, inCopy), 0)).toBeLessThanOrEqual(6);
    expect(hamming64(h0, 0, hashOf(copy), 0)).toBeGreaterThan(hamming64(h0, 0, hashOf(copy, inCopy), 0));
  });

  it('rates a flat frame as uninformative and a detailed one as informative', () => {
    const flat: GreyFrame = { width: 144, height: 256, data: new Uint8Array(144 * 256).fill(16) };
    expect(new RegionHasher(flat).hash([FULL_FRAME], false).quality[0]).toBe(0);
    expect(new RegionHasher(original).hash([FULL_FRAME], false).quality[0]).toBeGreaterThan(20);
  });
});

describe('RegionHasher, against the registrations already stored', () => {
  it('hashes a frame to the same bits as the code that fingerprinted them', () => {
    // Words written by the hasher before its loops were reordered for speed
    // (docs/BENCHMARK.md, section 17): a registered fingerprint is never
    // hashed again, so a change of even one bit here splits old and new.
    const frame = renderFrame(syntheticVideo(11, 12), 4.2, 144, 256);
    const regions = [centre, { x0: 0.1, y0: 0.05, x1: 0.93, y1: 0.9 }, { x0: -0.2, y0: 0.1, x1: 0.7, y1: 1.1 }, { x0: 0.12, y0: 0.2, x1: 0.8, y1: 0.75, angle: 3 }];
    const { hashes, mirrored, quality } = new RegionHasher(frame).hash(regions, true);
    expect([...hashes]).toEqual([0x55ed98b3, 0x407f5e40, 0x554d18aa, 0xe86e7e54, 0x51d6a669, 0x39e6c658, 0xc0359cc8, 0xdca4ddb5]);
    expect([...mirrored]).toEqual([0xb8cde6, 0x7d3b0f15, 0x184dff, 0xfd3b1b05, 0x483f33c, 0x6cbb932d, 0x9560c99d, 0x99f598f0]);
    expect([...quality]).toEqual([43, 39, 29, 45]);
  });
});

describe('lowFrequencyDct', () => {
  it('equals the textbook 2-D DCT-II on the lowest non-DC frequencies', () => {
    const n = HASH_GRID;
    const grid = Float64Array.from({ length: n * n }, (_, i) => Math.sin(i * 0.37) * 50 + (i % 7) * 3);
    const fast = lowFrequencyDct(grid);
    const basis = (f: number, x: number): number => Math.sqrt(2 / n) * Math.cos((Math.PI / (2 * n)) * (f + 1) * (2 * x + 1));
    for (let fy = 0; fy < HASH_FREQS; fy++) {
      for (let fx = 0; fx < HASH_FREQS; fx++) {
        let s = 0;
        for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) s += basis(fy, y) * basis(fx, x) * grid[y * n + x];
        expect(fast[fy * HASH_FREQS + fx]).toBeCloseTo(s, 6);
      }
    }
  });

  it('sums each coefficient in the order of a row-by-row pass, so its bits never move', () => {
    const n = HASH_GRID;
    const half = n / 2;
    const basis = (f: number, x: number): number => Math.sqrt(2 / n) * Math.cos((Math.PI / (2 * n)) * (f + 1) * (2 * x + 1));
    const rnd = random(3);
    for (let trial = 0; trial < 20; trial++) {
      const grid = Float64Array.from({ length: n * n }, () => rnd() * 255);
      const folded = (f: number, y: number, x: number): number => grid[y * n + x] + (f % 2 === 0 ? -1 : 1) * grid[(n - 1 - y) * n + x];
      const tmp: number[][] = [];
      for (let f = 0; f < HASH_FREQS; f++) {
        const row = Array.from({ length: n }, (_, x) => basis(f, 0) * folded(f, 0, x));
        for (let y = 1; y < half; y++) for (let x = 0; x < n; x++) row[x] += basis(f, y) * folded(f, y, x);
        tmp.push(row);
      }
      const expected: number[] = [];
      for (let fy = 0; fy < HASH_FREQS; fy++) {
        for (let fx = 0; fx < HASH_FREQS; fx++) {
          let s = 0;
          for (let x = 0; x < half; x++) s += (tmp[fy][x] + (fx % 2 === 0 ? -1 : 1) * tmp[fy][n - 1 - x]) * basis(fx, x);
          expected.push(s);
        }
      }
      expect([...lowFrequencyDct(grid)]).toEqual(expected);
    }
  });
});

describe('middlePair', () => {
  it('gives the median a full sort gives, with ties, runs and repeated values', () => {
    const rnd = random(17);
    const shapes: Array<() => number> = [() => rnd() * 200 - 100, () => Math.round(rnd() * 4), () => (rnd() < 0.6 ? 1 : rnd())];
    for (let trial = 0; trial < 600; trial++) {
      const values = Float64Array.from({ length: 64 }, shapes[trial % shapes.length]);
      if (trial % 5 === 0) values.sort();
      if (trial % 7 === 0) values.sort().reverse();
      const sorted = Float64Array.from(values).sort();
      expect(middlePair(Float64Array.from(values))).toBe((sorted[31] + sorted[32]) / 2);
    }
  });
});
