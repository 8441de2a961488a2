import { fingerprintFrames, GreyFrame } from '@dramaguard/fingerprint';
import { HashIndex } from '@dramaguard/hash-index';
import { WARM_UP_EPISODES, warmUp } from './warm-up';

describe('warmUp', () => {
  it('finds both synthetic episodes of its compilation, through verification', () => {
    expect(warmUp(1)).toEqual(WARM_UP_EPISODES);
  });

  it('searches the index it is given as stage one does, and leaves it as it was', () => {
    const frames: GreyFrame[] = Array.from({ length: 64 }, (_, f) => ({
      width: 36,
      height: 64,
      data: Uint8Array.from({ length: 36 * 64 }, (_, i) => (((i % 36) * (f + 3) + Math.floor(i / 36) * 7) * 13) % 256),
    }));
    const served = new HashIndex();
    served.add([{ episode: 'served', fingerprint: fingerprintFrames(frames) }]);
    served.pack();
    const entries = served.entryCount;
    const before = served.counters.lookups;
    warmUp(1, served);
    expect(served.counters.lookups).toBeGreaterThan(before);
    expect(served.entryCount).toBe(entries);
    expect(served.episodeCount).toBe(1);
  });
});
