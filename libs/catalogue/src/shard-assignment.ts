/**
 * The shard a new work goes to: the one holding the fewest registered
 * seconds, then the fewest works (so works created before any episode is
 * registered still spread out), then the lowest number. A work never moves,
 * so raising the shard count only sends new works to the new, empty shards:
 * nothing is fingerprinted again.
 */
export function shardForNewWork(count: number, loads: ReadonlyMap<number, { works: number; seconds: number }>): number {
  let best = 0;
  for (let k = 1; k < count; k++) {
    const a = loads.get(k) ?? { works: 0, seconds: 0 };
    const b = loads.get(best) ?? { works: 0, seconds: 0 };
    if (a.seconds < b.seconds || (a.seconds === b.seconds && a.works < b.works)) best = k;
  }
  return best;
}
