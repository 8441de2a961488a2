import { FingerprintView, Hypothesis, popcount32 } from '@dramaguard/fingerprint';
import { random } from '../../fingerprint/test/synthetic-video';
import { Candidate } from './candidates';
import { densify } from './densify';
import { DEFAULT_MATCHER_OPTIONS } from './matcher-options';
import { QueryProbe } from './query-probe';

const FPS = 8;
const o = DEFAULT_MATCHER_OPTIONS;

/**
 * A near-still shot of 64 frames, all within 6 bits of its first (the key-frame
 * index holds it as one key frame), each a distinct pattern of 6 bits, then a
 * moving stretch.
 */
function heldShot(): FingerprintView {
  const rnd = random(7);
  const word = (): number => (rnd() * 2 ** 32) >>> 0;
  const hashes = new Uint32Array(2 * 200);
  const base = [word(), word()];
  for (let j = 0; j < 200; j++) {
    hashes[2 * j] = j < 64 ? base[0] ^ j : word();
    hashes[2 * j + 1] = j < 64 ? base[1] : word();
  }
  return { region: { x0: 0, y0: 0, x1: 1, y1: 1 }, hashes, quality: new Uint8Array(200).fill(40) };
}

/** A clip copying registered frames from `from` on, under one geometry; its mirrored hashes hit nothing. */
function probeOf(ref: FingerprintView, from: number, frames: number): QueryProbe {
  const rnd = random(11);
  const hashes = new Uint32Array(2 * frames);
  const mirrored = new Uint32Array(2 * frames).map(() => (rnd() * 2 ** 32) >>> 0);
  hashes.set(ref.hashes.subarray(2 * from, 2 * (from + frames)));
  const hypotheses: Hypothesis[] = [{ kind: 'identity', rect: ref.region, root: ref.region }];
  return { hypotheses, frames, hashes, mirrored, quality: new Uint8Array(frames).fill(40), hashed: new Uint8Array(frames).fill(1) };
}

describe('densify', () => {
  it('finds a copy of a held shot anywhere in the hold, not on the key frame its hits are on', () => {
    const ref = heldShot();
    expect(popcount32(ref.hashes[2 * 63] ^ ref.hashes[0])).toBeLessThanOrEqual(6);
    // Clip frame f shows registered frame 16 + f; stage one saw clip frames 8-17
    // hit key frame 0 (holding 64 frames) and, their hits flat, the slowest line.
    const probe = probeOf(ref, 16, 40);
    const hits = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((q) => ({ q, r: 0, weight: 0.1, tag: 0, hold: 64 }));
    const c: Candidate = { episode: 'ep', view: 0, peak: { speed: 0.75, offset: -0.75 * 12 / FPS, support: 1, hits: hits.map((_, i) => i) }, hits };
    const dense = densify(c, probe, ref, new Uint8Array(200), o);
    expect(dense).not.toBeNull();
    // Over 5 s of a near-still shot the vote cannot tell the speed to a few
    // per cent; verification refits it. The line must lie on the copy.
    const { speed, offset, support } = dense?.peak ?? { speed: 0, offset: 0, support: 0 };
    for (const f of [0, 20, 39]) expect(Math.abs(offset * FPS + speed * f - (16 + f))).toBeLessThanOrEqual(FPS / 2);
    expect(support).toBe(1);
  });
});
