import { Fingerprint, popcount32 } from '@dramaguard/fingerprint';
import { random } from '../../fingerprint/test/synthetic-video';
import { near, randomFingerprint, RULES } from '../test/random-fingerprints';
import { HashIndex } from './hash-index';
import { HashIndexOptions } from './hash-index.types';
import { selectKeyFrames } from './key-frames';

/** Every key frame of every live episode within `radius`, found by scanning. */
function bruteForce(fps: Map<string, Fingerprint>, lo: number, hi: number, radius: number): string[] {
  const out: string[] = [];
  for (const [episode, fp] of fps) {
    fp.views.forEach((v, view) => {
      for (const f of selectKeyFrames(v, undefined, RULES).frames) {
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

/** Packs the index after these batches (HashIndex.pack). */
function exactOnRandomQueries(options: HashIndexOptions, batches: number, packAfter: readonly number[] = []): void {
  const rnd = random(1234);
  const fps = new Map<string, Fingerprint>();
  const index = new HashIndex({ keyFrames: RULES, ...options });
  for (let batch = 0; batch < batches; batch++) {
    const add = Array.from({ length: 3 }, (_, k) => ({ episode: `e${batch}-${k}`, fingerprint: randomFingerprint(rnd, 300, k === 0 ? 2 : 1) }));
    add.forEach((a) => fps.set(a.episode, a.fingerprint));
    index.add(add);
    if (packAfter.includes(batch)) index.pack();
  }
  if (packAfter.length) expect(index.unpackedCount).toBeLessThan(index.entryCount);
  const episodes = [...fps.keys()];
  let found = 0;
  for (let i = 0; i < 60; i++) {
    const fp = fps.get(episodes[Math.floor(rnd() * episodes.length)]) as Fingerprint;
    const keys = selectKeyFrames(fp.views[0], undefined, RULES).frames;
    const [lo, hi] = near(rnd, fp.views[0].hashes, keys[Math.floor(rnd() * keys.length)], Math.floor(rnd() * 14));
    for (const radius of [0, 3, 7, 10, 13]) {
      const expected = bruteForce(fps, lo, hi, radius);
      expect(search(index, lo, hi, radius)).toEqual(expected);
      found += expected.length;
    }
  }
  expect(found).toBeGreaterThan(50);
}

/**
 * `originals` random episodes, then re-uploads of them up to `total`, each frame one bit off: a frame and its
 * copies share most substrings, so a search reports them from different tables, and an entry missed in one
 * table shows as a change of order. Queries: the key frames of the first three originals.
 */
function reUploads(rnd: () => number, originals: number, total: number): { fps: Fingerprint[]; queries: Array<[number, number]> } {
  const first = Array.from({ length: originals }, () => randomFingerprint(rnd, 300));
  const copy = (fp: Fingerprint): Fingerprint => {
    const v = fp.views[0];
    const hashes = Array.from({ length: fp.frames }, (_, f) => near(rnd, v.hashes, f, 1)).flat();
    return { ...fp, views: [{ ...v, hashes: Uint32Array.from(hashes) }] };
  };
  const fps = Array.from({ length: total }, (_, i) => (i < originals ? first[i] : copy(first[i % originals])));
  const queries = first.slice(0, 3).flatMap((fp) => selectKeyFrames(fp.views[0], undefined, RULES).frames.map((f): [number, number] => [fp.views[0].hashes[2 * f], fp.views[0].hashes[2 * f + 1]]));
  return { fps, queries };
}

/** What a search within 3 bits reports, in the order it reports it. */
function order(index: HashIndex, [lo, hi]: [number, number]): string[] {
  const out: string[] = [];
  index.search(lo, hi, 3, (episode, view, frame, d) => out.push(`${episode}/${view}/${frame}/${d}`));
  return out;
}

describe('HashIndex', () => {
  it('returns exactly the brute-force neighbours among the key frames, as its tables grow', () => {
    exactOnRandomQueries({}, 12);
  });

  it('stays exact after switching to the large layout of three longer substrings', () => {
    exactOnRandomQueries({ largeFrom: 1500 }, 12);
  });

  it('stays exact with its first entries packed by bucket and later ones chained, in both layouts', () => {
    exactOnRandomQueries({}, 12, [4]);
    exactOnRandomQueries({ largeFrom: 1500 }, 12, [0, 7]);
    exactOnRandomQueries({}, 6, [5]);
  });

  it('with a smaller substring radius still finds every neighbour within m x (radius + 1) - 1 bits', () => {
    const rnd = random(77);
    const fp = randomFingerprint(rnd, 400);
    const index = new HashIndex({ keyFrames: RULES });
    index.add([{ episode: 'a', fingerprint: fp }]);
    for (const f of selectKeyFrames(fp.views[0], undefined, RULES).frames) {
      const [lo, hi] = near(rnd, fp.views[0].hashes, f, 7);
      const out: number[] = [];
      index.search(lo, hi, 10, (_e, _v, frame) => out.push(frame), 1);
      expect(out).toContain(f);
    }
  });

  it('reports the share byte a frame had when it was indexed', () => {
    const fp = randomFingerprint(random(5), 40);
    const shares = new Uint8Array(40).fill(3);
    const index = new HashIndex({ keyFrames: RULES });
    index.add([{ episode: 'a', fingerprint: fp, shares }]);
    const [f] = selectKeyFrames(fp.views[0], shares, RULES).frames;
    const got: number[] = [];
    index.search(fp.views[0].hashes[2 * f], fp.views[0].hashes[2 * f + 1], 0, (_e, _v, _f, _d, share) => got.push(share));
    expect(got).toEqual([3]);
  });

  it('drops a removed episode, replaces a re-added one and reclaims dead entries', () => {
    const rnd = random(9);
    const index = new HashIndex({ keyFrames: RULES, retainReferences: true });
    const fps = Array.from({ length: 40 }, () => randomFingerprint(rnd, 300));
    index.add(fps.map((fingerprint, i) => ({ episode: `e${i}`, fingerprint })));
    const key = (fp: Fingerprint): [number, number] => {
      const [f] = selectKeyFrames(fp.views[0], undefined, RULES).frames;
      return [fp.views[0].hashes[2 * f], fp.views[0].hashes[2 * f + 1]];
    };
    index.remove('e5');
    expect(search(index, ...key(fps[5]), 0)).toEqual([]);
    index.pack();
    const replacement = randomFingerprint(rnd, 50);
    index.add([{ episode: 'e6', fingerprint: replacement }]);
    expect(search(index, ...key(fps[6]), 0)).toEqual([]);
    expect(search(index, ...key(replacement), 0)).toHaveLength(1);
    expect(index.reference('e6')?.fingerprint).toBe(replacement);
    const before = index.entryCount;
    for (let i = 10; i < 40; i++) index.remove(`e${i}`);
    expect(index.entryCount).toBeLessThan(before / 2);
    expect(index.episodeCount).toBe(9);
    for (const i of [0, 7, 9]) expect(search(index, ...key(fps[i]), 0)).toEqual([`e${i}/0/${selectKeyFrames(fps[i].views[0], undefined, RULES).frames[0]}/0`]);
  });

  it('while its tables double bucket by bucket, finds the same frames in the same order as an index rebuilt at once', () => {
    const rnd = random(31);
    // Re-uploads of 20 episodes, each frame one bit off: a frame and its copies share most substrings, so the
    // search reports them from different tables, and an entry missed in one table shows as a change of order.
    const { fps, queries } = reUploads(rnd, 20, 120);
    const stepwise = new HashIndex({ keyFrames: RULES });
    // Packed after a third of the episodes: its later ones chained, searched before the packed ones.
    const packed = new HashIndex({ keyFrames: RULES });
    let midway = 0;
    fps.forEach((fingerprint, i) => {
      stepwise.add([{ episode: `e${i}`, fingerprint }]);
      packed.add([{ episode: `e${i}`, fingerprint }]);
      if (i === 40) packed.pack();
      if (i % 2) return;
      // Built in one add, which rebuilds its tables at once.
      const whole = new HashIndex({ keyFrames: RULES });
      whole.add(fps.slice(0, i + 1).map((f, k) => ({ episode: `e${k}`, fingerprint: f })));
      if (stepwise.memoryBytes() > whole.memoryBytes()) midway++;
      for (const q of queries) {
        expect(order(stepwise, q)).toEqual(order(whole, q));
        expect(order(packed, q)).toEqual(order(whole, q));
      }
    });
    // Some checks fell while a doubling was under way (old and new tables both held).
    expect(midway).toBeGreaterThan(0);
  });

  it('packed in steps between adds and removals, finds the same frames in the same order as an index built at once', () => {
    const rnd = random(53);
    const { fps, queries } = reUploads(rnd, 20, 100);
    const live = new Map<string, Fingerprint>();
    const paced = new HashIndex({ keyFrames: RULES });
    const add = (i: number): void => {
      paced.add([{ episode: `e${i}`, fingerprint: fps[i] }]);
      live.set(`e${i}`, fps[i]);
    };
    const sameAsWhole = (): void => {
      const whole = new HashIndex({ keyFrames: RULES });
      whole.add([...live].map(([episode, fingerprint]) => ({ episode, fingerprint })));
      for (const q of queries) expect(order(paced, q)).toEqual(order(whole, q));
    };
    for (let i = 0; i < 40; i++) add(i);
    paced.pack();
    for (let i = 40; i < 70; i++) add(i);
    const chained = paced.unpackedCount;
    paced.startPack();
    // What the pack under way holds besides the index counts too.
    let building = 0;
    let steps = 0;
    // Re-uploads of the queried originals among them.
    let next = 80;
    while (!paced.packStep(2000)) {
      steps++;
      building = Math.max(building, paced.memoryBytes());
      if (next < 90) add(next++);
      if (steps === 3) {
        paced.remove('e41');
        live.delete('e41');
      }
      sameAsWhole();
    }
    expect(steps).toBeGreaterThan(10);
    expect(building).toBeGreaterThan(paced.memoryBytes());
    // Only what was added after the pack began is chained now.
    expect(paced.unpackedCount).toBeGreaterThan(0);
    expect(paced.unpackedCount).toBeLessThan(chained);
    sameAsWhole();
    for (let i = 70; i < 80; i++) add(i);
    for (let i = 90; i < 100; i++) add(i);
    sameAsWhole();
  });

  it('staged until its next pack, links nothing and cannot be searched; packed, finds what an index chained all along finds, in the same order', () => {
    const rnd = random(83);
    const { fps, queries } = reUploads(rnd, 20, 100);
    const live = new Map<string, Fingerprint>();
    // Past largeFrom while staging: the pack chooses the large layout.
    const options = { keyFrames: RULES, largeFrom: 3000 };
    const index = new HashIndex(options);
    const add = (episode: string, fingerprint: Fingerprint): void => {
      index.add([{ episode, fingerprint }]);
      live.delete(episode);
      live.set(episode, fingerprint);
    };
    const sameAsChained = (): void => {
      const chained = new HashIndex(options);
      chained.add([...live].map(([episode, fingerprint]) => ({ episode, fingerprint })));
      for (const q of queries) expect(order(index, q)).toEqual(order(chained, q));
    };
    for (let i = 0; i < 10; i++) add(`e${i}`, fps[i]);
    // What was chained before is packed first.
    index.stage();
    expect(index.unpackedCount).toBe(0);
    const linked = index.linkWork;
    for (let i = 10; i < 90; i++) add(`e${i}`, fps[i]);
    index.remove('e5');
    live.delete('e5');
    add('e7', fps[60]);
    expect(index.linkWork).toBe(linked);
    expect(index.unpackedCount).toBeGreaterThan(3000);
    expect(() => order(index, queries[0])).toThrow(/staging/);
    // Nothing searches a staging index: a pack in steps is done at once.
    index.startPack();
    expect(index.unpackedCount).toBe(0);
    expect(index.isLarge).toBe(true);
    sameAsChained();
    for (let i = 90; i < 100; i++) add(`e${i}`, fps[i]);
    expect(index.unpackedCount).toBeGreaterThan(0);
    sameAsChained();
  });

  it('packs past a chunk of words, at once and in steps, finding what an index built at once finds', () => {
    const rnd = random(71);
    // About 1,000 key frames an episode: past 2^19 entries, the words' first chunk.
    const fps = Array.from({ length: 700 }, () => randomFingerprint(rnd, 4000));
    const index = new HashIndex({ keyFrames: RULES });
    index.add(fps.slice(0, 500).map((fingerprint, i) => ({ episode: `e${i}`, fingerprint })));
    index.pack();
    index.add(fps.slice(500, 600).map((fingerprint, i) => ({ episode: `e${500 + i}`, fingerprint })));
    index.startPack();
    while (!index.packStep(100_000));
    index.add(fps.slice(600).map((fingerprint, i) => ({ episode: `e${600 + i}`, fingerprint })));
    expect(index.entryCount).toBeGreaterThan(1 << 19);
    const whole = new HashIndex({ keyFrames: RULES });
    whole.add(fps.map((fingerprint, i) => ({ episode: `e${i}`, fingerprint })));
    const sameAsWhole = (episodes: number[], tested = index): void => {
      for (const i of episodes) {
        const v = fps[i].views[0];
        for (const f of selectKeyFrames(v, undefined, RULES).frames.slice(0, 5)) expect(order(tested, [v.hashes[2 * f], v.hashes[2 * f + 1]])).toEqual(order(whole, [v.hashes[2 * f], v.hashes[2 * f + 1]]));
      }
    };
    sameAsWhole([0, 260, 499, 520, 599, 650]);
    const staged = new HashIndex({ keyFrames: RULES });
    staged.stage();
    staged.add(fps.map((fingerprint, i) => ({ episode: `e${i}`, fingerprint })));
    staged.pack();
    sameAsWhole([0, 260, 499, 520, 599, 650], staged);
    // Reclaimed: the live entries, from both chunks, copied to new ones.
    for (let i = 0; i < 400; i++) {
      index.remove(`e${i}`);
      whole.remove(`e${i}`);
    }
    expect(index.entryCount).toBeLessThan(1 << 19);
    sameAsWhole([0, 420, 520, 599, 650]);
  });

  it('a pack in steps gives way to a reclaim of dead entries begun before it is done', () => {
    const rnd = random(61);
    const { fps, queries } = reUploads(rnd, 20, 60);
    const index = new HashIndex({ keyFrames: RULES });
    index.add(fps.map((fingerprint, i) => ({ episode: `e${i}`, fingerprint })));
    index.startPack();
    expect(index.packStep(100)).toBe(false);
    for (let i = 20; i < 60; i++) index.remove(`e${i}`);
    expect(index.unpackedCount).toBe(0);
    expect(index.packStep(100)).toBe(true);
    const whole = new HashIndex({ keyFrames: RULES });
    whole.add(fps.slice(0, 20).map((fingerprint, i) => ({ episode: `e${i}`, fingerprint })));
    for (const q of queries) expect(order(index, q)).toEqual(order(whole, q));
  });

  it('adding episodes, one or many at a time, links entries in proportion to the add, not to the index', () => {
    const rnd = random(47);
    const index = new HashIndex({ keyFrames: RULES });
    let worst = 0;
    for (let i = 0; i < 300; i++) {
      const entries = index.entryCount;
      const work = index.linkWork;
      // A first add of many (a family index, a bulk import) that crosses two doublings, then batches now and then.
      const batch = i === 0 ? 111 : i % 60 === 59 ? 25 : 1;
      index.add(Array.from({ length: batch }, (_, k) => ({ episode: `e${i}-${k}`, fingerprint: randomFingerprint(rnd, 300) })));
      worst = Math.max(worst, (index.linkWork - work) / (index.entryCount - entries));
    }
    // Doubled in one add, the tables would relink every entry on the add that crosses a doubling: hundreds of links per new entry.
    expect(index.entryCount).toBeGreaterThan(16 << 10);
    expect(worst).toBeLessThan(6 * 4);
  });
});
