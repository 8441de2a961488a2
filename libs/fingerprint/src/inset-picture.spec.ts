import { renderClip, syntheticVideo } from '../test/synthetic-video';
import { GreyFrame, Rect } from './grey-frame';
import { InsetPictureDetector } from './inset-picture';

function detect(frames: GreyFrame[]): Rect | null {
  const d = new InsetPictureDetector(frames[0].width, frames[0].height);
  frames.forEach((f) => d.push(f));
  return d.detect();
}

describe('InsetPictureDetector', () => {
  const background = renderClip(syntheticVideo(40, 4), 0, 3, 4, 144, 256);
  const copy = renderClip(syntheticVideo(41, 4), 0, 3, 4, 72, 128);
  const inset = { x0: 0.45, y0: 0.46, x1: 0.95, y1: 0.96 };

  /** The background with the half-size copy pasted at pixel (x0, y0). */
  function pasted(x0: number, y0: number): GreyFrame[] {
    return background.map((bg, k) => {
      const data = Uint8Array.from(bg.data);
      for (let y = 0; y < 128; y++) for (let x = 0; x < 72; x++) data[(y0 + y) * 144 + x0 + x] = copy[k].data[y * 72 + x];
      return { width: 144, height: 256, data };
    });
  }

  it('finds a half-size copy pasted in the bottom-right corner over other footage', () => {
    const found = detect(pasted(Math.round(inset.x0 * 144), Math.round(inset.y0 * 256)));
    expect(found).not.toBeNull();
    for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(Math.abs((found as Rect)[k] - inset[k])).toBeLessThanOrEqual(0.03);
  });

  it('places a copy whose margins are equal in pixels, not in share of each side, to the pixel', () => {
    // 6 pixels from the top and right edges of a portrait frame: a margin of
    // the same share of the height would be 11 pixels.
    const found = detect(pasted(144 - 6 - 72, 6));
    expect(found).not.toBeNull();
    const expected = { x0: 66 / 144, y0: 6 / 256, x1: 138 / 144, y1: 134 / 256 };
    for (const k of ['x0', 'x1'] as const) expect(Math.abs((found as Rect)[k] - expected[k]) * 144).toBeLessThanOrEqual(1);
    for (const k of ['y0', 'y1'] as const) expect(Math.abs((found as Rect)[k] - expected[k]) * 256).toBeLessThanOrEqual(1);
  });

  it('finds nothing where the footage has one still edge: a dark strip 3 pixels wide down its left side', () => {
    const strip = background.map((bg) => {
      const data = Uint8Array.from(bg.data);
      for (let y = 0; y < 256; y++) data.fill(16, y * 144, y * 144 + 3);
      return { width: 144, height: 256, data };
    });
    expect(detect(strip)).toBeNull();
  });

  it('finds nothing in a picture without an inset', () => {
    expect(detect(background)).toBeNull();
  });
});
