import { matchedRuns } from './segments';

const options = { matchDistance: 12, mismatchDistance: 20, maxGap: 4, minMatched: 3 };

function aligned(pattern: string, weight = 1) {
  // m: match (d 4), n: near miss (d 16), x: contradiction (d 30), u: uninformative, o: outside the episode
  const code: Record<string, number> = { m: 4, n: 16, x: 30, u: -1, o: -2 };
  const distance = Int16Array.from([...pattern].map((c) => code[c]));
  return { distance, quality: new Uint8Array(distance.length).fill(50), weight: new Float32Array(distance.length).fill(weight) };
}

describe('matchedRuns', () => {
  it('splits a compilation where the alignment stops holding', () => {
    const runs = matchedRuns(aligned('mmmmmnmmmxxxxxxxxmmmm'), options);
    expect(runs.map((r) => [r.first, r.last, r.matched])).toEqual([[0, 8, 8], [17, 20, 4]]);
  });

  it('bridges short contradictions and uninformative frames inside a copy', () => {
    const runs = matchedRuns(aligned('mmmxxxmmuuummm'), options);
    expect(runs.map((r) => [r.first, r.last])).toEqual([[0, 13]]);
  });

  it('extends a run over neutral frames at its edges, not over contradicting ones', () => {
    const runs = matchedRuns(aligned('xxuunmmmmnuxx'), options);
    expect(runs.map((r) => [r.first, r.last])).toEqual([[2, 10]]);
  });

  it('ends a run where the alignment leaves the episode and drops runs with too few matches', () => {
    expect(matchedRuns(aligned('mmmmmooommm'), options).map((r) => [r.first, r.last])).toEqual([[0, 4], [8, 10]]);
    expect(matchedRuns(aligned('xxmmxxxxxxmxx'), options)).toEqual([]);
  });

  it('counts matches on content shared by many episodes by their weight', () => {
    expect(matchedRuns(aligned('mmmmmmmmmm', 1 / 20), options)).toEqual([]);
    expect(matchedRuns(aligned('mmmmmmmmmm', 1 / 2), options).map((r) => r.matched)).toEqual([5]);
  });

  it('scores agreement over the matched frames only', () => {
    const [run] = matchedRuns(aligned('mmmmnnn'), options);
    expect(run.agreement).toBeCloseTo(1 - 4 / 24, 9);
  });
});
