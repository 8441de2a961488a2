import { Candidate, CandidateVote, stageOneSupport } from './candidates';
import { HashIndex } from './hash-index';
import { MatcherOptions } from './matcher-options';
import { hashProbe, openProbe, ProbeSource, QueryProbe } from './query-probe';

/**
 * Stage one with a coarse-to-fine geometry search. Hashing every frame under
 * every hypothesis, plain and mirrored, and looking each up was most of a
 * match's time, yet a copy has one geometry: every hypothesis is tried on a
 * sparse subset of the frames, the alignment vote on those hits names the
 * likely lines, and only the geometries that voted for them are tried on the
 * other frames. The final vote pools both rounds' hits. In a large index both
 * rounds probe exact substrings only (largeSubstringRadius). The hashes come
 * from the clip's frames or from its full probe (ProbeSource): the same
 * hashes asked for either way.
 */
export function searchCandidates(index: HashIndex, source: ProbeSource, o: MatcherOptions): { probe: QueryProbe; candidates: Candidate[] } {
  const probe = openProbe(source, o.plainGeometry);
  const vote = new CandidateVote(index, probe, o);
  const looked = range(0, probe.frames, o.probeStride);
  const coarse = probe.frames >= o.geometryMinFrames ? Math.max(o.geometryStride, Math.ceil(looked.length / o.geometryMaxSparseFrames)) : 1;
  const sparse = looked.filter((_, i) => i % coarse === 0);
  hashProbe(probe, source, sparse, range(0, probe.hypotheses.length));
  const radius = coarse > 1 && index.isLarge ? o.largeSubstringRadius : o.substringRadius;
  vote.lookUp(sparse, allTags(probe, o), radius);
  if (coarse > 1) {
    const tags = likelyTags(vote.candidates(stageOneSupport(o, 1 / coarse)), o.geometryTags);
    const rest = looked.filter((_, i) => i % coarse !== 0);
    hashProbe(probe, source, rest, [...new Set(tags.map((t) => t >> 1))]);
    vote.lookUp(rest, tags, radius);
  }
  return { probe, candidates: vote.candidates(stageOneSupport(o)) };
}

/** The (hypothesis, mirror) tags that gave each candidate most of its support, `perCandidate` each. */
export function likelyTags(candidates: readonly Candidate[], perCandidate: number): number[] {
  const out = new Set<number>();
  for (const c of candidates) {
    const votes = new Map<number, number>();
    for (const h of c.hits) votes.set(h.tag, (votes.get(h.tag) ?? 0) + h.weight);
    for (const [tag] of [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, perCandidate)) out.add(tag);
  }
  return [...out].sort((a, b) => a - b);
}

/** Every (hypothesis, mirror) tag of the probe, or the plain ones only for the plain baseline. */
function allTags(probe: QueryProbe, o: MatcherOptions): number[] {
  return range(0, 2 * probe.hypotheses.length, o.plainGeometry ? 2 : 1);
}

function range(from: number, to: number, step = 1): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i += step) out.push(i);
  return out;
}
