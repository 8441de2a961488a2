import { MessageChannel, Worker } from 'node:worker_threads';
import { HashIndex, OfferedHits } from '@dramaguard/hash-index';
import { random } from '../../../fingerprint/test/synthetic-video';
import { near, randomFingerprint, RULES } from '../../../hash-index/test/random-fingerprints';
import { SearchBeside } from './search-beside';
import { threadEntry } from './thread-entry';

/** A verification thread searching the index's packed tables beside this one, as the match thread's first is. */
describe('SearchBeside with a verification thread', () => {
  const rnd = random(23);
  const fps = Array.from({ length: 60 }, () => randomFingerprint(rnd, 600));
  const index = new HashIndex({ keyFrames: RULES, largeFrom: 1500 });
  index.add(fps.slice(0, 50).map((fingerprint, i) => ({ episode: `e${i}`, fingerprint })));
  index.pack();
  index.add(fps.slice(50).map((fingerprint, i) => ({ episode: `t${i}`, fingerprint })));
  const probes = new Uint32Array(2 * 6000);
  for (let k = 0; k < 6000; k++) [probes[2 * k], probes[2 * k + 1]] = near(rnd, fps[k % 60].views[0].hashes, (7 * k) % 600, k % 9);

  const { file, options } = threadEntry('verify-thread', { resourceLimits: {} });
  const worker = new Worker(file, options);
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ op: 'search-port', port: port2 }, [port2]);
  const beside = new SearchBeside(port1);
  /** The helper's answers, as the index collects them. */
  const answered: OfferedHits[] = [];
  const collect = beside.collect.bind(beside);
  beside.collect = () => {
    const answers = collect();
    answered.push(...answers);
    return answers;
  };

  // Started from TypeScript sources, the thread takes a while before it listens.
  beforeAll(() => new Promise((resolve) => worker.once('online', resolve)), 60_000);

  afterAll(() => worker.terminate());

  function seen(): string[] {
    const out: string[] = [];
    index.searchMany(probes, 6000, 10, (k, ...hit) => out.push(`${k}:${hit.join('/')}`), 0);
    return out;
  }

  it('finds what the index finds alone, in the same order, the other thread taking groups of the search', async () => {
    const alone = seen();
    expect(alone.length).toBeGreaterThan(500);
    index.searchBeside(beside);
    try {
      // The thread takes groups only once it has the tables and its turn comes while groups are left: a few searches, with pauses that let it start.
      for (let tries = 0; tries < 100 && !answered.length; tries++) {
        expect(seen()).toEqual(alone);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(answered.length).toBeGreaterThan(0);
      expect(answered.reduce((n, a) => n + a.groups.length, 0)).toBeGreaterThan(0);
      expect(seen()).toEqual(alone);
    } finally {
      index.searchBeside(null);
    }
  }, 60_000);

  it('searches alone once the other thread is closed', () => {
    const alone = seen();
    index.searchBeside(beside);
    beside.close();
    answered.length = 0;
    try {
      expect(seen()).toEqual(alone);
      expect(answered).toEqual([]);
    } finally {
      index.searchBeside(null);
    }
  });
});
