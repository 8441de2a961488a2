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

  it('finds a half-size copy pasted in the bottom-right corner over other footage', () => {
    const frames = background.map((bg, k) => {
      const data = Uint8Array.from(bg.data);
      const x0 = Math.round(inset.x0 * 144);
      const y0 = Math.round(inset.y0 * 256);
      for (let y = 0; y < 128; y++) for (let x = 0; x < 72; x++) data[(y0 + y) * 144 + x0 + x] = copy[k].data[y * 72 + x];
      return { width: 144, height: 256, data };
    });
    const found = detect(frames);
    expect(found).not.toBeNull();
    for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(Math.abs((found as Rect)[k] - inset[k])).toBeLessThanOrEqual(0.03);
  });

  it('finds nothing in a picture without an inset', () => {
    expect(detect(background)).toBeNull();
  });
});
