import { HashIndex } from '@dramaguard/hash-index';
import { Candidate, CandidateVote, stageOneSupport } from './candidates';
import { MatcherOptions } from './matcher-options';
import { hashProbe, openProbe, ProbeSource, QueryProbe } from './query-probe';

/**
 * A geometry (hypothesis index x 2 + mirrored) and the summed support of the
 * sparse round's lines it gave most of their hits to: what one shard tells
 * the others about a clip before they search it in full (sharedGeometries).
 */
export interface GeometryVote {
  readonly tag: number;
  readonly support: number;
}

/**
 * A clip's sparse round against one index as it stood (`version`): what the
 * second round continues. A shard keeps it between telling its geometries and
 * matching, so the round is not looked up twice.
 */
export interface SparseRound {
  readonly probe: QueryProbe;
  readonly vote: CandidateVote;
  readonly looked: number[];
  readonly coarse: number;
  readonly radius: number;
  readonly version: number;
}

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
 *
 * `shared` geometries are tried on the other frames too: the ones other
 * shards' sparse rounds found most support for (sharedGeometries). A
 * compilation's excerpts share the upload's edit, and a shard that holds only
 * the hardest-hit excerpt's episode may find no line in its sparse round.
 */
export function searchCandidates(
  index: HashIndex,
  source: ProbeSource,
  o: MatcherOptions,
  shared: readonly number[] = [],
  kept?: SparseRound,
): { probe: QueryProbe; candidates: Candidate[] } {
  const { probe, vote, looked, coarse, radius } = kept && kept.version === index.version ? kept : sparseRound(index, source, o);
  if (coarse > 1) {
    const valid = shared.filter((t) => Number.isInteger(t) && t >= 0 && t < 2 * probe.hypotheses.length);
    const tags = [...new Set([...likelyTags(vote.candidates(stageOneSupport(o, 1 / coarse)), o.geometryTags), ...valid])].sort((a, b) => a - b);
    const rest = looked.filter((_, i) => i % coarse !== 0);
    hashProbe(probe, source, rest, [...new Set(tags.map((t) => t >> 1))]);
    vote.lookUp(rest, tags, radius);
  }
  return { probe, candidates: vote.candidates(stageOneSupport(o)) };
}

/**
 * The geometries a sparse round's lines voted for, best supported first;
 * none for a clip too short for a sparse round (every geometry is tried on
 * every frame there).
 */
export function geometryVotes({ vote, coarse }: SparseRound, o: MatcherOptions): GeometryVote[] {
  if (coarse === 1) return [];
  const support = new Map<number, number>();
  for (const c of vote.candidates(stageOneSupport(o, 1 / coarse))) {
    for (const tag of likelyTags([c], o.geometryTags)) support.set(tag, (support.get(tag) ?? 0) + c.peak.support);
  }
  return [...support].map(([tag, s]) => ({ tag, support: s })).sort(bySupport);
}

/**
 * The `count` geometries with the most support summed over every shard's
 * votes. Six (two lines' worth, geometryTags): three gave the shards of a
 * 1,000-hour registry the recall of one index holding it all in section 19,
 * but on clips encoded once more a copy's geometry ranked below the fourth
 * and was lost (section 23); six cost 6-8 % more lookups than three, every
 * shard's tags together 49 % more (docs/BENCHMARK.md).
 */
export function sharedGeometries(votes: readonly (readonly GeometryVote[])[], count: number): number[] {
  const support = new Map<number, number>();
  for (const shard of votes) for (const v of shard) support.set(v.tag, (support.get(v.tag) ?? 0) + v.support);
  return [...support]
    .map(([tag, s]) => ({ tag, support: s }))
    .sort(bySupport)
    .slice(0, count)
    .map((v) => v.tag);
}

function bySupport(a: GeometryVote, b: GeometryVote): number {
  return b.support - a.support || a.tag - b.tag;
}

/** Every geometry looked up on a sparse subset of the clip's frames (all of them for a short clip). */
export function sparseRound(index: HashIndex, source: ProbeSource, o: MatcherOptions): SparseRound {
  const probe = openProbe(source, o.plainGeometry);
  const vote = new CandidateVote(index, probe, o);
  const looked = range(0, probe.frames, o.probeStride);
  const coarse = probe.frames >= o.geometryMinFrames ? Math.max(o.geometryStride, Math.ceil(looked.length / o.geometryMaxSparseFrames)) : 1;
  const sparse = looked.filter((_, i) => i % coarse === 0);
  hashProbe(probe, source, sparse, range(0, probe.hypotheses.length));
  const radius = coarse > 1 && index.isLarge ? o.largeSubstringRadius : o.substringRadius;
  vote.lookUp(sparse, allTags(probe, o), radius);
  return { probe, vote, looked, coarse, radius, version: index.version };
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
