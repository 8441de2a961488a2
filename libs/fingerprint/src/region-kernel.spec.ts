import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { random } from '../test/synthetic-video';
import { HASH_BITS, HASH_FREQS, HASH_GRID } from './dct-hash';
import { GreyFrame } from './grey-frame';
import { regionKernel } from './region-kernel';

const n = HASH_GRID;
const basis = (f: number, x: number): number => Math.sqrt(2 / n) * Math.cos((Math.PI / (2 * n)) * (f + 1) * (2 * x + 1));

describe('the region kernel binary', () => {
  it('is what its AssemblyScript source compiles to', () => {
    const root = join(__dirname, '../../..');
    expect(() => execFileSync(process.execPath, [join(root, 'scripts/build-wasm.mjs'), '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
});

describe('RegionKernel.resample', () => {
  const kernel = regionKernel();
  // 70 pixels a row: the table's last two columns are summed past its four-pixel steps.
  const w = 70;
  const h = 72;
  const rnd = random(5);
  const frame: GreyFrame = { width: w, height: h, data: Uint8Array.from({ length: w * h }, () => Math.floor(rnd() * 256)) };
  const holder = { id: 1e9, slot: -1, stale: true };
  const table = (): number => kernel.table(holder, frame);

  it('averages whole-pixel cells exactly, up to the right edge', () => {
    const grid = kernel.resample(table(), w, h, { x0: 6 / w, y0: 4 / h, x1: 1, y1: 68 / h });
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let y = 4 + 2 * j; y < 6 + 2 * j; y++) for (let x = 6 + 2 * i; x < 8 + 2 * i; x++) sum += frame.data[y * w + x];
        expect(grid[j * n + i]).toBeCloseTo(sum / 4, 9);
      }
    }
  });

  it('repeats the edge cells for the part of a region outside the picture', () => {
    const grid = kernel.resample(table(), w, h, { x0: -0.5, y0: 0, x1: 0.5, y1: 1 });
    for (let j = 0; j < n; j++) for (let i = 0; i < n / 2; i++) expect(grid[j * n + i]).toBeCloseTo(grid[j * n + n / 2], 9);
  });

  it('samples a turned region as the unturned one when the angle is zero', () => {
    const rect = { x0: 0.2, y0: 0.1, x1: 0.7, y1: 0.9 };
    const plain = kernel.resample(table(), w, h, rect);
    const turned = kernel.resample(table(), w, h, { ...rect, angle: 1e-9 });
    turned.forEach((v, i) => expect(v).toBeCloseTo(plain[i], 3));
  });
});

describe('RegionKernel.dct', () => {
  const kernel = regionKernel();

  it('equals the textbook 2-D DCT-II on the lowest non-DC frequencies', () => {
    const grid = Float64Array.from({ length: n * n }, (_, i) => Math.sin(i * 0.37) * 50 + (i % 7) * 3);
    const fast = kernel.dct(grid);
    for (let fy = 0; fy < HASH_FREQS; fy++) {
      for (let fx = 0; fx < HASH_FREQS; fx++) {
        let s = 0;
        for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) s += basis(fy, y) * basis(fx, x) * grid[y * n + x];
        expect(fast[fy * HASH_FREQS + fx]).toBeCloseTo(s, 6);
      }
    }
  });

  it('sums each coefficient in the order of a row-by-row pass, so its bits never move', () => {
    const half = n / 2;
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
      expect([...kernel.dct(grid)]).toEqual(expected);
    }
  });
});

describe('RegionKernel.threshold', () => {
  it('sets the bits of the coefficients above the median a full sort gives, with ties, runs and repeated values, and mirrors', () => {
    const kernel = regionKernel();
    const rnd = random(17);
    const shapes: Array<() => number> = [() => rnd() * 200 - 100, () => Math.round(rnd() * 4), () => (rnd() < 0.6 ? 1 : rnd())];
    const wordsAbove = (values: Float64Array): number[] => {
      const sorted = Float64Array.from(values).sort();
      const median = (sorted[31] + sorted[32]) / 2;
      const words = [0, 0];
      values.forEach((v, i) => {
        if (v > median) words[i >> 5] |= 1 << (i & 31);
      });
      return words.map((x) => x >>> 0);
    };
    for (let trial = 0; trial < 600; trial++) {
      const values = Float64Array.from({ length: HASH_BITS }, shapes[trial % shapes.length]);
      if (trial % 5 === 0) values.sort();
      if (trial % 7 === 0) values.sort().reverse();
      // The mirrored picture's odd horizontal frequencies (even index within a row) change sign.
      const mirrored = values.map((v, i) => (i % HASH_FREQS) % 2 === 0 ? -v : v);
      expect([...kernel.threshold(values)]).toEqual([...wordsAbove(values), ...wordsAbove(mirrored)]);
    }
  });
});
