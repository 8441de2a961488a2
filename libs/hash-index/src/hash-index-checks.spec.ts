import { Fingerprint, popcount32 } from '@dramaguard/fingerprint';
import { random } from '../../fingerprint/test/synthetic-video';
import { near, randomFingerprint, RULES } from '../test/random-fingerprints';
import { HashIndex } from './hash-index';
import { selectKeyFrames } from './key-frames';
import { CHECK_SLACK, checkOf } from './packed-entries';
import { extractBits, substringLayout } from './substrings';

describe('HashIndex, its packed tables\' check bytes', () => {
  it('searched at substring radius 0 in its large packed layout, skips unread the entries whose check fails, and so still finds every frame within 2 bits', () => {
    const rnd = random(91);
    const fps = new Map(Array.from({ length: 40 }, (_, i): [string, Fingerprint] => [`e${i}`, randomFingerprint(rnd, 600)]));
    const index = new HashIndex({ keyFrames: RULES, largeFrom: 1500 });
    index.add([...fps].map(([episode, fingerprint]) => ({ episode, fingerprint })));
    index.pack();
    expect(index.isLarge).toBe(true);
    const layout = substringLayout(3);
    /** Within the radius, and equal to the probe on some table's substring with that table's check passing. */
    const reachable = (lo: number, hi: number, elo: number, ehi: number): boolean =>
      layout.starts.some(
        (start, t) =>
          extractBits(lo, hi, start, layout.widths[t]) === extractBits(elo, ehi, start, layout.widths[t]) &&
          popcount32(checkOf(lo, hi, layout, t) ^ checkOf(elo, ehi, layout, t)) <= CHECK_SLACK,
      );
    let within2 = 0;
    let unreachable = 0;
    for (const fp of [...fps.values()].slice(0, 10)) {
      const v = fp.views[0];
      for (const f of selectKeyFrames(v, undefined, RULES).frames.slice(0, 20)) {
        for (const bits of [0, 1, 2, 6, 9]) {
          const [lo, hi] = near(rnd, v.hashes, f, bits);
          const found: string[] = [];
          index.search(lo, hi, 10, (e, view, frame, d) => found.push(`${e}/${view}/${frame}/${d}`), 0);
          const expected: string[] = [];
          for (const [episode, other] of fps) {
            const w = other.views[0];
            for (const g of selectKeyFrames(w, undefined, RULES).frames) {
              const [elo, ehi] = [w.hashes[2 * g], w.hashes[2 * g + 1]];
              const d = popcount32(elo ^ lo) + popcount32(ehi ^ hi);
              if (d > 10) continue;
              if (reachable(lo, hi, elo, ehi)) expected.push(`${episode}/0/${g}/${d}`);
              else unreachable++;
              if (d <= 2) {
                within2++;
                expect(found).toContain(`${episode}/0/${g}/${d}`);
              }
            }
          }
          expect(found.sort()).toEqual(expected.sort());
        }
      }
    }
    expect(within2).toBeGreaterThan(300);
    // Frames within the radius that no table reaches exactly (with its check passing): the search must miss them.
    expect(unreachable).toBeGreaterThan(5);
    // Table 0's check is bits 22-29. Four of them flipped: its key (bits 0-21) still equal, its check fails, and
    // only table 2 (bits 43-63, checked on bits 0-7) finds the frame; one more bit flipped there, nothing does.
    const v = fps.get('e3')!.views[0];
    for (const f of selectKeyFrames(v, undefined, RULES).frames.slice(0, 20)) {
      const frame = (lo: number, hi: number): boolean => {
        let hit = false;
        index.search(lo, hi, 10, (e, _view, g) => (hit ||= e === 'e3' && g === f), 0);
        return hit;
      };
      const [lo, hi] = [v.hashes[2 * f], v.hashes[2 * f + 1]];
      expect(frame((lo ^ (0b1111 << 22)) >>> 0, hi)).toBe(true);
      expect(frame((lo ^ (0b1111 << 22)) >>> 0, (hi ^ (1 << 28)) >>> 0)).toBe(false);
      expect(frame((lo ^ (0b111 << 22)) >>> 0, (hi ^ (1 << 28)) >>> 0)).toBe(true);
    }
    // Chance entries of the probed buckets skipped on their check alone: about two thirds.
    expect(index.counters.read).toBeLessThan(0.6 * index.counters.walked);
  });
});
