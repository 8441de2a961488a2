import { shardOutcome } from './shard-outcome';

describe('shardOutcome', () => {
  it('waits for a shard that has not answered while the deadline is ahead', () => {
    expect(shardOutcome(2, [{ shard: 0, failure: null }], false, 60_000)).toMatchObject({ wait: true, missing: [1] });
  });

  it('merges once every shard has answered', () => {
    expect(shardOutcome(2, [{ shard: 1, failure: null }, { shard: 0, failure: null }], false, 60_000)).toEqual({ wait: false, missing: [], reason: '' });
  });

  it('merges what answered at the deadline and names the silent shards', () => {
    const o = shardOutcome(3, [{ shard: 1, failure: null }], true, 300_000);
    expect(o).toMatchObject({ wait: false, missing: [0, 2] });
    expect(o.reason).toMatch(/^shards 0, 2 did not answer within 300 s\. The matches are those of the other shards/);
  });

  it('does not wait for the deadline when the only missing shard failed, and says why it failed', () => {
    const o = shardOutcome(2, [{ shard: 0, failure: null }, { shard: 1, failure: 'the match thread exited' }], false, 60_000);
    expect(o).toMatchObject({ wait: false, missing: [1] });
    expect(o.reason).toContain('shard 1 failed: the match thread exited');
  });
});
