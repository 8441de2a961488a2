import { Candidate } from './candidates';
import { MatchPlan } from './clip-matcher';

/** What a shard tells the others of one candidate line it proposes: its support, and the clip frames its hits span. */
export interface ProposedLine {
  readonly support: number;
  readonly first: number;
  readonly last: number;
}

/**
 * Stronger lines over the same clip time beyond which a line is not verified.
 * An area of the clip shows one picture at a time, and the near misses of a
 * registered episode (re-grades, re-encodes of its footage) crowd the area
 * its copy fills: of the 59 copied episodes found at 10,000 h, 58 led their
 * area (no stronger line overlapped their best line) and one had 2 ahead of
 * it, while a budget of the 12 best lines over the whole clip, as one index
 * verifies, lost two of them (docs/BENCHMARK.md, section 26).
 */
export const AREA_BUDGET = 3;

/** The lines a plan proposes, in its candidates' order. */
export function proposedLines(plan: MatchPlan): ProposedLine[] {
  return plan.candidates.map(proposedLine);
}

function proposedLine(c: Candidate): ProposedLine {
  let first = Infinity;
  let last = -Infinity;
  for (const h of c.hits) {
    first = Math.min(first, h.q);
    last = Math.max(last, h.q);
  }
  return { support: c.peak.support, first, last };
}

/**
 * With several shards each proposes its own best lines (up to maxCandidates),
 * so four shards verify up to four times what one index would, most of them
 * near misses the merge then drops beside the copy they resemble. The plan
 * keeps only its candidates that fewer than AREA_BUDGET stronger lines of
 * `proposals` (every shard's, this one's included) overlap in clip time.
 * Supports are comparable across shards: a line's support depends on its
 * episode's hits only. They come back through PostgreSQL as JSON, hence the
 * tolerance.
 */
export function withinBudget(plan: MatchPlan, proposals: readonly ProposedLine[]): MatchPlan {
  const candidates = plan.candidates.filter((c) => {
    const line = proposedLine(c);
    let stronger = 0;
    for (const p of proposals) if (p.support > line.support + 1e-9 && p.first <= line.last && line.first <= p.last) stronger++;
    return stronger < AREA_BUDGET;
  });
  const episodes = new Set(candidates.map((c) => c.episode));
  return { ...plan, candidates, groups: new Map([...plan.groups].filter(([episode]) => episodes.has(episode))) };
}
