import { AREA_BUDGET, AREA_COVER, proposedLines, withinBudget } from './candidate-budget';
import { Candidate } from './candidates';
import { MatchPlan } from './clip-matcher';
import { probeClip } from './query-probe';

/** A candidate line whose hits span clip frames [first, last]. */
const candidate = (episode: string, support: number, first: number, last: number): Candidate => ({
  episode,
  view: 0,
  peak: { speed: 1, offset: 0, support, hits: [] },
  hits: [first, Math.round((first + last) / 2), last].map((q) => ({ q, r: q, weight: 1, tag: 0, hold: 1 })),
});

const planOf = (...candidates: Candidate[]): MatchPlan => ({
  probe: probeClip([], false),
  candidates,
  groups: new Map(candidates.map((c) => [c.episode, `work-of-${c.episode}`])),
});

describe('proposedLines', () => {
  it("tells each line's support and the clip frames its hits span", () => {
    expect(proposedLines(planOf(candidate('a', 2.5, 40, 80), candidate('b', 1, 0, 8)))).toEqual([
      { support: 2.5, first: 40, last: 80 },
      { support: 1, first: 0, last: 8 },
    ]);
  });
});

describe('withinBudget', () => {
  const stronger = (first: number, last: number, support = 5) => ({ support, first, last });

  it(`keeps a line unless ${AREA_BUDGET} stronger lines each overlap ${AREA_COVER * 100} % of its clip span`, () => {
    // Both lines span 80 frames: a stronger line counts from 20 frames of overlap on.
    const plan = planOf(candidate('a', 1, 100, 179), candidate('b', 1, 300, 379));
    // Over a: two stronger lines, of 20 and 30 frames. Over b: one of 19 frames at its start, one of 20 at its end.
    const proposals = [stronger(90, 119), stronger(150, 200), stronger(290, 318), stronger(360, 400), ...proposedLines(plan)];
    expect(withinBudget(plan, proposals).candidates.map((c) => c.episode)).toEqual(['b']);
  });

  it('counts neither weaker nor equally strong lines, nor lines elsewhere in the clip', () => {
    const plan = planOf(candidate('a', 2, 100, 160));
    const tied = [stronger(100, 160, 2), stronger(110, 150, 2), stronger(100, 160, 2 + 1e-12)];
    const proposals = [stronger(100, 160, 1), ...tied, stronger(0, 99), stronger(161, 480), stronger(170, 200)];
    expect(withinBudget(plan, proposals).candidates.map((c) => c.episode)).toEqual(['a']);
  });

  it('keeps every line when no shard proposed, and the groups of the kept episodes only', () => {
    const plan = planOf(candidate('a', 3, 0, 40), candidate('b', 1, 0, 40), candidate('a', 0.5, 200, 240));
    expect(withinBudget(plan, []).candidates).toEqual(plan.candidates);
    const kept = withinBudget(plan, [stronger(0, 40), stronger(10, 30), stronger(20, 50)]);
    expect(kept.candidates.map((c) => c.episode)).toEqual(['a']);
    expect([...kept.groups.keys()]).toEqual(['a']);
    expect(kept.probe).toBe(plan.probe);
  });
});
