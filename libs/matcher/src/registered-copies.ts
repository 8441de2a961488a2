import { FingerprintView, hamming64 } from '@dramaguard/fingerprint';
import { EpisodeMatch, MatchSegment } from './clip-matcher';

const { max, min, round } = Math;

/** Registered frames this close (of 64 bits) show the same picture: a re-grade or re-encode, not another scene. */
const SAME_PICTURE_DISTANCE = 16;
/** Share of the compared frames that must show the same picture. */
const SAME_PICTURE_SHARE = 0.5;
const MIN_COMPARED = 4;
/**
 * Seconds either side of the aligned frame in which the other episode's
 * picture is looked for: in a still or slow scene the matcher's line can be
 * off in speed (0.75 against the true 1.0 was seen), and the two lines then
 * drift apart by seconds over a segment while showing the same pictures.
 */
const SEARCH_SECONDS = 3;
/** A segment is explained by another that covers this much of its clip time. */
const COVER = 0.8;
/**
 * Or that covers this much of it, the rest lying in a gap of the other's line
 * (between two segments of its match on one line). On a still shot a copy's
 * line is confirmed in stretches, and a region fitted to a chance likeness of
 * another registered still can straddle the copy's segment and its gap.
 */
const COVER_BESIDE_GAP = 0.5;
/** Two segments of a match lie on one line when their clip-to-registered offsets agree this closely, in seconds, at one speed. */
const SAME_LINE_SECONDS = 0.5;
const SAME_LINE_SPEED = 0.01;
/** Clip regions overlapping more than this (intersection over union) are one area of the picture. */
const SAME_AREA = 0.5;

/**
 * The episodes among `matches` that a segment of another match covers in
 * clip time: the only ones whose registered fingerprints the rule below has
 * to read.
 */
export function overlappingEpisodes(matches: readonly EpisodeMatch[]): string[] {
  const out = new Set<string>();
  for (const b of matches) {
    for (const a of matches) {
      if (a === b || a.episode === b.episode) continue;
      if (b.segments.some((s) => a.segments.some((t) => covers(a, t, s)))) {
        out.add(a.episode);
        out.add(b.episode);
      }
    }
  }
  return [...out];
}

/**
 * What the rule reads of a registered episode: its fingerprint's views and its
 * work. The views may hold a stretch of the episode only (registeredStretch),
 * from its frame `first` on.
 */
export interface RegisteredEpisode {
  readonly views: readonly FingerprintView[];
  readonly group?: string;
  readonly first?: number;
}

/**
 * The frames [first, end) of a matched episode (of `frames`) that the rule
 * below can read for this match: its segments' registered frames and
 * SEARCH_SECONDS either side, a frame more for rounding. A shard that verified
 * the episode carries them in its answer, so the merge need not read it.
 */
export function registeredStretch(match: EpisodeMatch, fps: number, frames: number): { first: number; end: number } {
  if (!match.segments.length) return { first: 0, end: 0 };
  const reach = round(SEARCH_SECONDS * fps) + 1;
  const from = min(...match.segments.map((s) => s.refStart));
  const to = max(...match.segments.map((s) => max(s.refEnd, s.refStart + (s.clipEnd - s.clipStart) * s.speed)));
  const first = min(frames, max(0, Math.floor(from * fps) - reach));
  return { first, end: max(first, min(frames, Math.ceil(to * fps) + reach + 1)) };
}

/**
 * Drops the segments a clip matches only because one registered episode holds
 * a copy of another's pictures, or looks like it there. Each shard verifies
 * its own best candidates, so a registered near-duplicate (the same shot
 * re-graded or re-encoded, in another work) that a single index would have
 * left out of its candidates is verified in its own shard and reported beside
 * the episode the clip copies. A segment goes when a stronger segment of
 * another episode covers its clip time (alone, or with the gaps of its line
 * either side: COVER_BESIDE_GAP) and either the two registered
 * episodes show the same pictures along both alignments (the clip copies the
 * stronger one, and the near-duplicate resembles it), or both were found in
 * one area of the clip: an area shows one picture at a time, and on a still
 * shot verification can fit a region to a chance likeness of another
 * registered still (docs/BENCHMARK.md, section 14). Two different pictures
 * shown at once in different areas (split screen, picture in picture) stay.
 * Episodes of one work are left to sibling attribution (a recap shows the
 * previous episode's pictures, and both are reported where the clip shows
 * both). `registered` holds the episodes of `overlappingEpisodes`.
 */
export function withoutRegisteredCopies(
  matches: readonly EpisodeMatch[],
  registered: ReadonlyMap<string, RegisteredEpisode>,
  fps: number,
  minQuality: number,
): EpisodeMatch[] {
  const ranked = matches.flatMap((m) => m.segments.map((segment) => ({ match: m, segment }))).sort((x, y) => stronger(y.segment, x.segment));
  const kept: typeof ranked = [];
  for (const s of ranked) {
    const mine = registered.get(s.match.episode);
    const explained = kept.some((t) => {
      if (t.match.episode === s.match.episode || !covers(t.match, t.segment, s.segment)) return false;
      const theirs = registered.get(t.match.episode);
      if (!mine || !theirs || (mine.group !== undefined && mine.group === theirs.group)) return false;
      return sameArea(t, s) || samePictures(theirs, t.segment, mine, s.segment, fps, minQuality);
    });
    if (!explained) kept.push(s);
  }
  const keptSegments = new Set(kept.map((k) => k.segment));
  const out: EpisodeMatch[] = [];
  for (const m of matches) {
    const segments = m.segments.filter((s) => keptSegments.has(s));
    if (!segments.length) continue;
    out.push(segments.length === m.segments.length ? m : { ...m, score: max(...segments.map((s) => s.score)), segments });
  }
  return out;
}

/**
 * Whether two segments were found in one area of the clip, which cannot show
 * two registered pictures at once: their regions overlap by more than
 * SAME_AREA. Each segment's own region where it has one (a match's region is
 * that of its best copy, which may sit elsewhere in a clip that moves pictures around).
 */
function sameArea(t: { match: EpisodeMatch; segment: MatchSegment }, s: { match: EpisodeMatch; segment: MatchSegment }): boolean {
  const a = t.segment.region ?? t.match.region;
  const b = s.segment.region ?? s.match.region;
  const overlap = max(0, min(a.x1, b.x1) - max(a.x0, b.x0)) * max(0, min(a.y1, b.y1) - max(a.y0, b.y0));
  const union = (a.x1 - a.x0) * (a.y1 - a.y0) + (b.x1 - b.x0) * (b.y1 - b.y0) - overlap;
  return union > 0 && overlap > SAME_AREA * union;
}

/** Positive when `a` is the stronger evidence: higher score, then more matched frames. */
function stronger(a: MatchSegment, b: MatchSegment): number {
  return a.score - b.score || a.matchedFrames - b.matchedFrames;
}

/** Whether segment t of match `of` covers s's clip time: alone (COVER), or with the gaps either side of it on its line (COVER_BESIDE_GAP alone). */
function covers(of: EpisodeMatch, t: MatchSegment, s: MatchSegment): boolean {
  const length = s.clipEnd - s.clipStart;
  const own = overlap(s, t.clipStart, t.clipEnd);
  if (own >= COVER * length) return true;
  if (own < COVER_BESIDE_GAP * length) return false;
  // The gaps reach to the nearest segment of the line on each side.
  let before = -Infinity;
  let after = Infinity;
  for (const u of of.segments) {
    if (u === t || !sameLine(t, u)) continue;
    if (u.clipEnd <= t.clipStart) before = max(before, u.clipEnd);
    if (u.clipStart >= t.clipEnd) after = min(after, u.clipStart);
  }
  const from = before === -Infinity ? t.clipStart : before;
  const to = after === Infinity ? t.clipEnd : after;
  return overlap(s, from, to) >= COVER * length;
}

function overlap(s: MatchSegment, from: number, to: number): number {
  return max(0, min(s.clipEnd, to) - max(s.clipStart, from));
}

function sameLine(a: MatchSegment, b: MatchSegment): boolean {
  const offset = (x: MatchSegment) => x.refStart - x.clipStart * x.speed;
  return Math.abs(a.speed - b.speed) <= SAME_LINE_SPEED && Math.abs(offset(a) - offset(b)) <= SAME_LINE_SECONDS * a.speed;
}

/**
 * Whether the registered frames that the two segments put each clip instant
 * on show the same picture, in any pair of views, over the instants both
 * cover: each of `a`'s frames is looked for in `b` within SEARCH_SECONDS of
 * where `b`'s line puts it.
 */
function samePictures(ea: RegisteredEpisode, sa: MatchSegment, eb: RegisteredEpisode, sb: MatchSegment, fps: number, minQuality: number): boolean {
  const { views: a, first: firstA = 0 } = ea;
  const { views: b, first: firstB = 0 } = eb;
  if (!a.length || !b.length) return false;
  const from = max(sa.clipStart, sb.clipStart);
  const to = min(sa.clipEnd, sb.clipEnd);
  const reach = round(SEARCH_SECONDS * fps);
  let compared = 0;
  let same = 0;
  for (let t = from; t < to; t += 1 / fps) {
    const ja = round((sa.refStart + (t - sa.clipStart) * sa.speed) * fps) - firstA;
    const jb = round((sb.refStart + (t - sb.clipStart) * sb.speed) * fps) - firstB;
    let best = 65;
    let informative = false;
    for (const va of a) {
      if (ja < 0 || ja >= va.quality.length || va.quality[ja] < minQuality) continue;
      for (const vb of b) {
        for (let k = max(0, jb - reach); k <= min(vb.quality.length - 1, jb + reach); k++) {
          if (vb.quality[k] < minQuality) continue;
          informative = true;
          best = min(best, hamming64(va.hashes, ja, vb.hashes, k));
        }
      }
    }
    if (!informative) continue;
    compared++;
    if (best <= SAME_PICTURE_DISTANCE) same++;
  }
  return compared >= MIN_COMPARED && same >= SAME_PICTURE_SHARE * compared;
}
