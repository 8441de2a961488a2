import { Candidate, hitSpan } from './candidates';
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
 * its copy fills. Of the 68 copied episodes a 10,000-hour run kept, 67 led
 * their area and one had a stronger line over a tenth of its stretch; no
 * stronger line covered a quarter of any copy's (docs/BENCHMARK.md, section
 * 52). Two leaves room for one near miss stronger than the copy itself.
 */
export const AREA_BUDGET = 2;

/**
 * Share of a line's clip span that a stronger line must overlap to count
 * against it. A short line of another episode inside a copy's stretch (10 of
 * its 108 frames) outranks the copy there without filling its area; counted,
 * it cost that copy its place under a budget of one (docs/BENCHMARK.md,
 * section 52).
 */
export const AREA_COVER = 0.25;

/** The lines a plan proposes, in its candidates' order. */
export function proposedLines(plan: MatchPlan): ProposedLine[] {
  return plan.candidates.map(proposedLine);
}

function proposedLine(c: Candidate): ProposedLine {
  return { support: c.peak.support, ...hitSpan(c) };
}

/**
 * With several shards each proposes its own best lines (up to maxCandidates),
 * so four shards verify up to four times what one index would, most of them
 * near misses the merge then drops beside the copy they resemble. The plan
 * keeps only its candidates that fewer than AREA_BUDGET stronger lines of
 * `proposals` (every shard's, this one's included) overlap over AREA_COVER of
 * their clip span or more.
 * Supports are comparable across shards: a line's support depends on its
 * episode's hits only. They come back through PostgreSQL as JSON, hence the
 * tolerance.
 */
export function withinBudget(plan: MatchPlan, proposals: readonly ProposedLine[]): MatchPlan {
  const candidates = plan.candidates.filter((c) => {
    const line = proposedLine(c);
    const least = AREA_COVER * (line.last - line.first + 1);
    let stronger = 0;
    for (const p of proposals) if (p.support > line.support + 1e-9 && Math.min(p.last, line.last) - Math.max(p.first, line.first) + 1 >= least) stronger++;
    return stronger < AREA_BUDGET;
  });
  const episodes = new Set(candidates.map((c) => c.episode));
  return { ...plan, candidates, groups: new Map([...plan.groups].filter(([episode]) => episodes.has(episode))) };
}
