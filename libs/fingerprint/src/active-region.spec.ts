import { padFrame, random, renderClip, syntheticVideo } from '../test/synthetic-video';
import { CLIP_PADDING_RATIO, detectActiveRegion, REFERENCE_PADDING_RATIO } from './active-region';
import { GreyFrame, Rect } from './grey-frame';

const video = syntheticVideo(3, 4);
const pictures = renderClip(video, 0, 2, 4, 90, 160);

function expectRegion(found: Rect, expected: Rect, tolerance = 0.02): void {
  expect(Math.abs(found.x0 - expected.x0)).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(found.x1 - expected.x1)).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(found.y0 - expected.y0)).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(found.y1 - expected.y1)).toBeLessThanOrEqual(tolerance);
}

/** A heavy box blur of the enlarged picture, as re-uploaders put behind a vertical video. */
function blurredBackground(picture: GreyFrame, width: number, height: number): (x: number, y: number) => number {
  const cells = 6;
  const means = new Float64Array(cells * cells);
  for (let j = 0; j < cells; j++) {
    for (let i = 0; i < cells; i++) {
      let sum = 0;
      let n = 0;
      for (let y = Math.floor((j * picture.height) / cells); y < ((j + 1) * picture.height) / cells; y++) {
        for (let x = Math.floor((i * picture.width) / cells); x < ((i + 1) * picture.width) / cells; x++, n++) sum += picture.data[y * picture.width + x];
      }
      means[j * cells + i] = sum / n;
    }
  }
  const rnd = random(9);
  return (x, y) => {
    const fx = (x / width) * (cells - 1);
    const fy = (y / height) * (cells - 1);
    const i = Math.min(cells - 2, Math.floor(fx));
    const j = Math.min(cells - 2, Math.floor(fy));
    const a = fx - i;
    const b = fy - j;
    const v = (means[j * cells + i] * (1 - a) + means[j * cells + i + 1] * a) * (1 - b) + (means[(j + 1) * cells + i] * (1 - a) + means[(j + 1) * cells + i + 1] * a) * b;
    return Math.round(v + (rnd() - 0.5) * 2);
  };
}

describe('detectActiveRegion', () => {
  const portrait = { x0: (1 - 9 / 16 / (16 / 9)) / 2, y0: 0, x1: (1 + 9 / 16 / (16 / 9)) / 2, y1: 1 };

  it('finds a vertical video pillarboxed over a blurred, enlarged copy of itself', () => {
    const frames = pictures.map((p) => padFrame(p, 256, 144, portrait, blurredBackground(p, 256, 144)));
    expectRegion(detectActiveRegion(frames), portrait);
  });

  it('finds a pillarboxed video between black bars', () => {
    const frames = pictures.map((p) => padFrame(p, 256, 144, portrait, () => 0));
    expectRegion(detectActiveRegion(frames), portrait);
  });

  it('finds a letterboxed picture between black bars, also with the strict reference ratio', () => {
    const inside = { x0: 0, y0: 0.12, x1: 1, y1: 0.88 };
    const frames = pictures.map((p) => padFrame(p, 144, 256, inside, () => 2));
    expectRegion(detectActiveRegion(frames), inside);
    expectRegion(detectActiveRegion(frames, REFERENCE_PADDING_RATIO), inside);
  });

  it('keeps the whole frame of a picture without padding', () => {
    expectRegion(detectActiveRegion(pictures, CLIP_PADDING_RATIO), { x0: 0, y0: 0, x1: 1, y1: 1 });
  });
});
