import { Fingerprint } from '@dramaguard/fingerprint';
import { random } from '../../fingerprint/test/synthetic-video';
import { near, randomFingerprint, RULES } from '../test/random-fingerprints';
import { BesideSearcher, GroupQueue, OfferedHits, OfferedSearch, SearchHelper, SharedTables } from './beside-search';
import { HashIndex } from './hash-index';
import { selectKeyFrames } from './key-frames';

/** Probes near key frames of some episodes (0-9 bits off), and random ones. */
function probesOf(rnd: () => number, fps: readonly Fingerprint[], count: number): Uint32Array {
  const out = new Uint32Array(2 * count);
  for (let k = 0; k < count; k++) {
    const v = fps[k % fps.length].views[0];
    const frames = selectKeyFrames(v, undefined, RULES).frames;
    const [lo, hi] = k % 5 === 4 ? [Math.floor(rnd() * 2 ** 32), Math.floor(rnd() * 2 ** 32)] : near(rnd, v.hashes, frames[k % frames.length], k % 10);
    out[2 * k] = lo;
    out[2 * k + 1] = hi;
  }
  return out;
}

/** What search reports for each probe, one after another, and what searchMany reports, with both runs' counters. */
function bothWays(index: HashIndex, probes: Uint32Array, substringRadius: number) {
  const run = (searchAll: (visit: (k: number, ...hit: unknown[]) => void) => void) => {
    const before = { ...index.counters };
    const seen: string[] = [];
    searchAll((k, ...hit) => seen.push(`${k}:${hit.join('/')}`));
    const after = index.counters;
    return { seen, counters: [after.lookups - before.lookups, after.walked - before.walked, after.read - before.read, after.hits - before.hits] };
  };
  const n = probes.length / 2;
  const one = run((visit) => {
    for (let k = 0; k < n; k++) index.search(probes[2 * k], probes[2 * k + 1], 10, (...hit) => visit(k, ...hit), substringRadius);
  });
  const many = run((visit) => index.searchMany(probes, n, 10, visit, substringRadius));
  return { one, many };
}

describe('HashIndex.searchMany', () => {
  const rnd = random(57);
  const fps = Array.from({ length: 40 }, () => randomFingerprint(rnd, 600));
  const episodes = fps.map((fingerprint, i) => ({ episode: `e${i}`, fingerprint }));

  it('reports, in a large packed index with a chained tail and a removed episode, what search reports probe after probe, in the same order and with the same counts', () => {
    const index = new HashIndex({ keyFrames: RULES, largeFrom: 1500 });
    index.add(episodes.slice(0, 36));
    index.pack();
    // e39 in the tail repeats e5 of the packed tables: a probe near e5 finds both in one table, the tail's first.
    index.add([...episodes.slice(36, 39), { episode: 'e39', fingerprint: fps[5] }]);
    index.remove('e3');
    expect(index.isLarge).toBe(true);
    expect(index.unpackedCount).toBeGreaterThan(0);
    const probes = Uint32Array.from([...probesOf(rnd, fps, 400), ...probesOf(rnd, [fps[5]], 40)]);
    const { one, many } = bothWays(index, probes, 0);
    expect(one.seen.length).toBeGreaterThan(120);
    expect(one.seen.some((s) => /^\d+:e3[7-9]\//.test(s))).toBe(true);
    expect(one.seen.filter((s) => /^\d+:e39\//.test(s)).length).toBeGreaterThan(10);
    expect(many.seen).toEqual(one.seen);
    expect(many.counters).toEqual(one.counters);
  });

  it('grows its scratch for a group whose buckets hold more entries than it had room for', () => {
    // One hash in every frame of many episodes: the probe's buckets hold thousands of entries, every one within the radius.
    const same = (): Fingerprint => {
      const fp = randomFingerprint(rnd, 300);
      for (let f = 0; f < fp.frames; f++) {
        fp.views[0].hashes[2 * f] = 0x12345678;
        fp.views[0].hashes[2 * f + 1] = (0x9abcdef0 ^ (1 << f % 32)) >>> 0;
      }
      return fp;
    };
    const index = new HashIndex({ keyFrames: { ...RULES, sameShotBits: 0 }, largeFrom: 1500 });
    index.add([...episodes.slice(0, 10), ...Array.from({ length: 30 }, (_, i) => ({ episode: `s${i}`, fingerprint: same() }))]);
    index.pack();
    const probes = new Uint32Array(2 * 20);
    for (let k = 0; k < 20; k++) [probes[2 * k], probes[2 * k + 1]] = [0x12345678, 0x9abcdef0];
    const { one, many } = bothWays(index, probes, 0);
    expect(one.seen.length).toBeGreaterThan(2048);
    expect(many.seen).toEqual(one.seen);
    expect(many.counters).toEqual(one.counters);
  });

  it('searches probe by probe where it does not group: the small layout at substring radius 1', () => {
    const index = new HashIndex({ keyFrames: RULES });
    index.add(episodes.slice(0, 8));
    index.pack();
    expect(index.isLarge).toBe(false);
    const { one, many } = bothWays(index, probesOf(rnd, fps.slice(0, 8), 40), 1);
    expect(one.seen.length).toBeGreaterThan(20);
    expect(many.seen).toEqual(one.seen);
    expect(many.counters).toEqual(one.counters);
  });
});

/**
 * A helper run in this thread: it takes up to `most` groups as soon as a
 * search is offered, before the index's own thread takes any, through the
 * searcher a thread beside the index runs.
 */
class InlineHelper implements SearchHelper {
  readonly searcher = new BesideSearcher();
  offered: SharedTables[] = [];
  forgotten = 0;
  private answers: OfferedHits[] = [];

  constructor(private readonly most: number) {}

  offer(tables: SharedTables, search: OfferedSearch): void {
    if (this.offered[this.offered.length - 1] !== tables) this.offered.push(tables);
    this.searcher.use(tables);
    this.searcher.search(structuredClone(search), (hits) => this.answers.push(hits), this.most);
  }

  collect(): OfferedHits[] {
    const answers = this.answers;
    this.answers = [];
    return answers;
  }

  forget(): void {
    this.forgotten++;
  }
}

describe('HashIndex.searchMany with a helper beside it (searchBeside)', () => {
  const rnd = random(91);
  const fps = Array.from({ length: 40 }, () => randomFingerprint(rnd, 600));
  const episodes = fps.map((fingerprint, i) => ({ episode: `e${i}`, fingerprint }));
  const index = new HashIndex({ keyFrames: RULES, largeFrom: 1500 });
  index.add(episodes.slice(0, 36));
  index.pack();
  index.add([...episodes.slice(36, 39), { episode: 'e39', fingerprint: fps[5] }]);
  index.remove('e3');
  const probes = Uint32Array.from([...probesOf(rnd, fps, 400), ...probesOf(rnd, [fps[5]], 40)]);
  const alone = bothWays(index, probes, 0).many;

  afterEach(() => index.searchBeside(null));

  it.each([
    ['some of the groups', 5],
    ['every group', Infinity],
    ['none, busy elsewhere', 0],
  ])('reports what it reports alone, in the same order and with the same counts, when the helper takes %s', (_, most) => {
    const helper = new InlineHelper(most);
    index.searchBeside(helper);
    expect(alone.seen.length).toBeGreaterThan(120);
    expect(bothWays(index, probes, 0).many).toEqual(alone);
    expect(helper.offered).toHaveLength(1);
  });

  it('offers the tables of the last pack, and tells the helper to forget the ones before', () => {
    const helper = new InlineHelper(3);
    const fresh = new HashIndex({ keyFrames: RULES, largeFrom: 1500 });
    fresh.add(episodes.slice(0, 20));
    fresh.pack();
    fresh.searchBeside(helper);
    fresh.searchMany(probes, 100, 10, () => undefined, 0);
    fresh.add(episodes.slice(20, 30));
    fresh.pack();
    expect(helper.forgotten).toBe(1);
    fresh.searchMany(probes, 100, 10, () => undefined, 0);
    expect(helper.offered).toHaveLength(2);
    expect(helper.offered[1].packed.count).toBeGreaterThan(helper.offered[0].packed.count);
    expect(helper.offered[1].packed.words.every((w) => w.buffer instanceof SharedArrayBuffer)).toBe(true);
  });

  it('fails a search one of whose groups the helper took and never answered', () => {
    index.searchBeside({
      offer: (_, search) => {
        const queue = new GroupQueue(search.state, Math.ceil(search.n / 16));
        queue.enter();
        queue.take();
        queue.leave();
      },
      collect: () => [],
      forget: () => undefined,
    });
    expect(() => index.searchMany(probes, 100, 10, () => undefined, 0)).toThrow('group 0 of a shared search was taken but never answered');
  });

  it('fails a search while the helper stays inside it', () => {
    const slow = GroupQueue.create(1);
    expect(() => {
      slow.enter();
      slow.waitIdle(20);
    }).toThrow('did not answer within 20 ms');
  });
});
