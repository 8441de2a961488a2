import { Fingerprint, popcount32 } from '@dramaguard/fingerprint';
import { random } from '../../fingerprint/test/synthetic-video';
import { HashIndex } from './hash-index';

function randomFingerprint(rnd: () => number, frames: number, views = 1): Fingerprint {
  return {
    fps: 8,
    frames,
    views: Array.from({ length: views }, () => ({
      region: { x0: 0, y0: 0, x1: 1, y1: 1 },
      hashes: Uint32Array.from({ length: 2 * frames }, () => Math.floor(rnd() * 2 ** 32)),
      quality: Uint8Array.from({ length: frames }, () => 10 + Math.floor(rnd() * 100)),
    })),
  };
}

/** A hash at exactly `bits` random bit flips from frame f of a view. */
function near(rnd: () => number, hashes: Uint32Array, f: number, bits: number): [number, number] {
  let lo = hashes[2 * f];
  let hi = hashes[2 * f + 1];
  const flipped = new Set<number>();
  while (flipped.size < bits) flipped.add(Math.floor(rnd() * 64));
  for (const b of flipped) {
    if (b < 32) lo = (lo ^ (1 << b)) >>> 0;
    else hi = (hi ^ (1 << (b - 32))) >>> 0;
  }
  return [lo, hi];
}

function bruteForce(fps: Map<string, Fingerprint>, lo: number, hi: number, radius: number, minQuality: number): string[] {
  const out: string[] = [];
  for (const [episode, fp] of fps) {
    fp.views.forEach((v, view) => {
      for (let f = 0; f < fp.frames; f++) {
        if (v.quality[f] < minQuality) continue;
        const d = popcount32(v.hashes[2 * f] ^ lo) + popcount32(v.hashes[2 * f + 1] ^ hi);
        if (d <= radius) out.push(`${episode}/${view}/${f}/${d}`);
      }
    });
  }
  return out.sort();
}

function search(index: HashIndex, lo: number, hi: number, radius: number): string[] {
  const out: string[] = [];
  index.search(lo, hi, radius, (episode, view, frame, d) => out.push(`${episode}/${view}/${frame}/${d}`));
  return out.sort();
}

describe('HashIndex', () => {
  const rnd = random(1234);
  const fps = new Map<string, Fingerprint>();
  const index = new HashIndex({ minQuality: 20 });
  // Several batches, so the index holds several segments and merges them.
  for (let batch = 0; batch < 12; batch++) {
    const add = Array.from({ length: 3 }, (_, k) => ({ episode: `e${batch}-${k}`, fingerprint: randomFingerprint(rnd, 300, k === 0 ? 2 : 1) }));
    add.forEach((a) => fps.set(a.episode, a.fingerprint));
    index.add(add);
  }

  it('returns exactly the brute-force neighbours within its radius', () => {
    const episodes = [...fps.keys()];
    let found = 0;
    for (let i = 0; i < 60; i++) {
      const fp = fps.get(episodes[Math.floor(rnd() * episodes.length)]) as Fingerprint;
      const [lo, hi] = near(rnd, fp.views[0].hashes, Math.floor(rnd() * fp.frames), Math.floor(rnd() * 14));
      for (const radius of [0, 3, 7, 10, 13]) {
        const expected = bruteForce(fps, lo, hi, radius, 20);
        expect(search(index, lo, hi, radius)).toEqual(expected);
        found += expected.length;
      }
    }
    expect(found).toBeGreaterThan(50);
  });

  it('with a smaller substring radius still finds every neighbour within m x (radius + 1) - 1 bits', () => {
    const fp = fps.get('e3-1') as Fingerprint;
    for (let f = 0; f < 40; f++) {
      const [lo, hi] = near(rnd, fp.views[0].hashes, f, 7);
      const out: number[] = [];
      index.search(lo, hi, 10, (e, _v, frame) => e === 'e3-1' && out.push(frame), 1);
      if (fp.views[0].quality[f] >= 20) expect(out).toContain(f);
    }
  });

  it('drops a removed episode and replaces a re-added one', () => {
    const fp = fps.get('e5-2') as Fingerprint;
    const [lo, hi] = [fp.views[0].hashes[20], fp.views[0].hashes[21]];
    index.remove('e5-2');
    expect(search(index, lo, hi, 0).filter((s) => s.startsWith('e5-2/'))).toEqual([]);
    const replacement = randomFingerprint(rnd, 50);
    index.add([{ episode: 'e5-2', fingerprint: replacement }]);
    expect(search(index, lo, hi, 0).filter((s) => s.startsWith('e5-2/'))).toEqual([]);
    expect(index.fingerprint('e5-2')).toBe(replacement);
    expect(index.episodeCount).toBe(36);
  });
});
