import { FingerprintView } from '@dramaguard/fingerprint';
import { random } from '../../fingerprint/test/synthetic-video';
import { DEFAULT_KEY_FRAME_RULES, selectKeyFrames } from './key-frames';
import { EXCLUDED } from './shared-content';

function view(words: number[][], quality?: number[]): FingerprintView {
  return {
    region: { x0: 0, y0: 0, x1: 1, y1: 1 },
    hashes: Uint32Array.from(words.flat()),
    quality: Uint8Array.from(quality ?? words.map(() => 50)),
  };
}

describe('selectKeyFrames', () => {
  const rules = { ...DEFAULT_KEY_FRAME_RULES, fps: 8, maxPerSecond: 2, sameShotBits: 6 };

  it('indexes a moving stretch at most maxPerSecond times a second', () => {
    const rnd = random(3);
    const moving = Array.from({ length: 16 }, () => [Math.floor(rnd() * 2 ** 32), Math.floor(rnd() * 2 ** 32)]);
    expect(selectKeyFrames(view(moving), undefined, rules)).toEqual({ frames: [0, 4, 8, 12], holds: [1, 1, 1, 1] });
  });

  it('indexes a held shot once, and the next shot when the picture changes', () => {
    const held = [...Array.from({ length: 12 }, (_, f) => [0, f & 1]), ...Array.from({ length: 4 }, () => [0xffffffff, 0xffff])];
    expect(selectKeyFrames(view(held), undefined, rules)).toEqual({ frames: [0, 12], holds: [12, 4] });
  });

  it('skips flat frames and frames the holder excluded', () => {
    const rnd = random(4);
    const moving = Array.from({ length: 12 }, () => [Math.floor(rnd() * 2 ** 32), Math.floor(rnd() * 2 ** 32)]);
    const quality = moving.map((_, f) => (f < 4 ? 2 : 50));
    const shares = new Uint8Array(12);
    shares.fill(EXCLUDED, 4, 6);
    expect(selectKeyFrames(view(moving, quality), shares, rules)).toEqual({ frames: [6, 10], holds: [1, 1] });
  });
});
