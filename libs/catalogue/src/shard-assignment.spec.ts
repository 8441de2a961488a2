import { shardForNewWork } from './shard-assignment';

describe('shardForNewWork', () => {
  it('puts a new work on the shard with the fewest registered seconds', () => {
    const loads = new Map([
      [0, { works: 1, seconds: 900 }],
      [1, { works: 5, seconds: 300 }],
      [2, { works: 2, seconds: 600 }],
    ]);
    expect(shardForNewWork(3, loads)).toBe(1);
  });

  it('spreads works that have nothing registered yet, and fills a newly added shard first', () => {
    expect(shardForNewWork(2, new Map())).toBe(0);
    expect(shardForNewWork(2, new Map([[0, { works: 1, seconds: 0 }]]))).toBe(1);
    expect(shardForNewWork(3, new Map([[0, { works: 4, seconds: 100 }], [1, { works: 3, seconds: 90 }]]))).toBe(2);
  });

  it('ignores shards beyond the configured count', () => {
    expect(shardForNewWork(1, new Map([[0, { works: 9, seconds: 9_000 }]]))).toBe(0);
  });
});
