import { random } from '../test/synthetic-video';
import { IntegralImage } from './integral-image';

describe('IntegralImage.resample', () => {
  const w = 40;
  const h = 30;
  const rnd = random(5);
  const data = Uint8Array.from({ length: w * h }, () => Math.floor(rnd() * 256));
  const image = new IntegralImage({ width: w, height: h, data });

  it('averages whole-pixel cells exactly', () => {
    const grid = image.resample({ x0: 10 / w, y0: 6 / h, x1: 18 / w, y1: 14 / h }, 4);
    for (let j = 0; j < 4; j++) {
      for (let i = 0; i < 4; i++) {
        let sum = 0;
        for (let y = 6 + 2 * j; y < 8 + 2 * j; y++) for (let x = 10 + 2 * i; x < 12 + 2 * i; x++) sum += data[y * w + x];
        expect(grid[j * 4 + i]).toBeCloseTo(sum / 4, 9);
      }
    }
  });

  it('repeats the edge cells for the part of a region outside the picture', () => {
    const grid = image.resample({ x0: -0.5, y0: 0, x1: 0.5, y1: 1 }, 4);
    for (let j = 0; j < 4; j++) {
      expect(grid[j * 4]).toBeCloseTo(grid[j * 4 + 2], 9);
      expect(grid[j * 4 + 1]).toBeCloseTo(grid[j * 4 + 2], 9);
    }
  });

  it('samples a turned region as the unturned one when the angle is zero', () => {
    const rect = { x0: 0.2, y0: 0.1, x1: 0.7, y1: 0.9 };
    const plain = image.resample(rect, 8);
    const turned = image.resample({ ...rect, angle: 1e-9 }, 8);
    turned.forEach((v, i) => expect(v).toBeCloseTo(plain[i], 3));
  });
});

describe('IntegralImage.load', () => {
  it('resamples a reloaded frame exactly as a table built for it', () => {
    const rnd = random(9);
    const frame = (w: number, h: number) => ({ width: w, height: h, data: Uint8Array.from({ length: w * h }, () => Math.floor(rnd() * 256)) });
    const [a, b, c] = [frame(40, 30), frame(40, 30), frame(24, 36)];
    const reused = new IntegralImage(a);
    const rect = { x0: 0.1, y0: -0.1, x1: 0.83, y1: 0.9 };
    for (const next of [b, c]) {
      reused.load(next);
      expect(reused.resample(rect, 8)).toEqual(new IntegralImage(next).resample(rect, 8));
      expect(reused.resample({ ...rect, angle: 4 }, 8)).toEqual(new IntegralImage(next).resample({ ...rect, angle: 4 }, 8));
    }
  });
});
