import type { EpisodeMatch, MatchSegment } from '@dramaguard/matcher';
import { AudioMatch } from './audio-matcher';
import { AUDIO_ITEM_SECONDS, AudioPrint, AudioVariant } from './audio-print';
import { agreementAlong } from './audio-verify';

/** What a match or segment rests on: the picture, the soundtrack, or both agreeing. */
export type Signal = 'picture' | 'audio';

/**
 * The soundtrack's side of a match. `agrees`: it plays the episode's sound
 * along the picture's line; `contradicts`: both have sound there and it is
 * not the episode's; `silent`: one side is silent there; `unchecked`: found
 * by the sound alone, nothing to compare it with.
 */
export interface AudioEvidence {
  readonly score: number;
  /** Episode seconds per clip second of the soundtrack. */
  readonly speed: number;
  readonly pitchChanged: boolean;
  readonly agreement: 'agrees' | 'contradicts' | 'silent' | 'unchecked';
}
type AudioAgreement = AudioEvidence['agreement'];

export interface FusedSegment extends MatchSegment {
  readonly signals: Signal[];
}

/** A match as both signals see it. An audio-only match shows no picture: its region is the whole frame, unmirrored. */
export interface FusedMatch extends EpisodeMatch {
  readonly segments: FusedSegment[];
  readonly signals: Signal[];
  readonly audio: AudioEvidence | null;
}

/**
 * The soundtracks fusion may compare along a picture's line: the clip's (every
 * speed correction), asked for at most once and only when a picture match is
 * not already confirmed by the sound's own match (decoding it is then wasted),
 * and the episode's.
 */
export interface FusionSounds {
  readonly clip: () => readonly AudioVariant[] | null;
  readonly episode: (episode: string) => { readonly print: AudioPrint; readonly shares: Uint8Array | null } | undefined;
}

/**
 * A soundtrack alone flags a copy from this score on (z = 2.1 in audioScore):
 * higher than the picture's 0.5, because a line through 21 speed corrections
 * has more chances to meet by chance than a picture's.
 */
export const AUDIO_ONLY_MIN_SCORE = 0.55;
/** A picture match this strong stands whatever the soundtrack says: pirates often replace the sound. */
const STRONG_PICTURE = 0.85;
/**
 * A weaker one whose line the soundtrack contradicts is lowered by this
 * factor: a match under 0.625 is no longer reported, a stronger one ranks
 * lower. Replaced soundtracks are common enough that a contradiction is not
 * proof: on the audio set, true copies with their sound replaced scored
 * 0.74–0.76 by the picture, and a factor of 0.6 lost two of six.
 */
const CONTRADICTED = 0.8;
/** The soundtrack contradicts when at least this many seconds of both sides' sound were compared along the line and none matched. */
const CONTRADICTION_SECONDS = 4;
/** Seconds of a picture segment the soundtrack must agree along for the segment to count as heard too. */
const AGREEING_SECONDS = 2;
/** Matches below this are not reported (the picture matcher's own threshold). */
const REPORT_MIN = 0.5;
/** How far (episode seconds) an audio line may sit from the picture's and still be the same copy. */
const SAME_LINE_SECONDS = 1.5;

/**
 * Combines the picture's and the soundtrack's matches per episode:
 * - both found it on the same line: the scores combine as independent
 *   evidence (1 − (1 − p)(1 − a)), segment by segment, and stretches only the
 *   sound found are added as audio-only segments;
 * - only the picture: the soundtrack is compared along the picture's line;
 *   it may agree (the index missed it), contradict (a weak match is lowered),
 *   or have nothing to say (silence, no soundtrack);
 * - only the soundtrack: reported as audio-only evidence above its own bar.
 */
export function fuseMatches(picture: readonly EpisodeMatch[], audio: readonly AudioMatch[], sounds: FusionSounds): FusedMatch[] {
  const heard = new Map(audio.map((a) => [a.episode, a]));
  let clip: readonly AudioVariant[] | null | undefined;
  const once: FusionSounds = { clip: () => (clip === undefined ? (clip = sounds.clip()) : clip), episode: sounds.episode };
  const out: FusedMatch[] = [];
  for (const p of picture) {
    const a = heard.get(p.episode);
    heard.delete(p.episode);
    const fused = a && sameLine(p, a) ? both(p, a) : alongPicture(p, once);
    if (fused.score >= REPORT_MIN) out.push(fused);
  }
  for (const a of heard.values()) if (a.score >= AUDIO_ONLY_MIN_SCORE) out.push(audioOnly(a));
  return out.sort((x, y) => y.score - x.score);
}

function combine(p: number, a: number): number {
  return 1 - (1 - p) * (1 - a);
}

/** What two segments' comparison needs: their clip stretches and lines. */
type Line = Pick<MatchSegment, 'clipStart' | 'clipEnd' | 'refStart' | 'refEnd' | 'speed'>;

function overlaps(s: Line, t: Line): boolean {
  return Math.min(s.clipEnd, t.clipEnd) > Math.max(s.clipStart, t.clipStart);
}

/** Whether segment t's line passes within SAME_LINE_SECONDS of s's at the middle of their overlap. */
function onLine(s: Line, t: Line): boolean {
  const mid = (Math.max(s.clipStart, t.clipStart) + Math.min(s.clipEnd, t.clipEnd)) / 2;
  const at = (x: Line) => x.refStart + (mid - x.clipStart) * x.speed;
  return Math.abs(at(s) - at(t)) <= SAME_LINE_SECONDS;
}

function sameLine(p: EpisodeMatch, a: AudioMatch): boolean {
  return p.segments.some((s) => a.segments.some((t) => overlaps(s, t) && onLine(s, t)));
}

function both(p: EpisodeMatch, a: AudioMatch): FusedMatch {
  const segments: FusedSegment[] = p.segments.map((s) => {
    const agreeing = a.segments.filter((t) => overlaps(s, t) && onLine(s, t));
    if (!agreeing.length) return { ...s, signals: ['picture'] };
    return { ...s, score: combine(s.score, Math.max(...agreeing.map((t) => t.score))), signals: ['picture', 'audio'] };
  });
  for (const t of a.segments) {
    if (!p.segments.some((s) => overlaps(s, t))) segments.push({ ...audioSegment(t), signals: ['audio'] });
  }
  segments.sort((x, y) => x.clipStart - y.clipStart);
  return {
    ...p,
    score: combine(p.score, a.score),
    segments,
    signals: ['picture', 'audio'],
    audio: { score: a.score, speed: a.speed, pitchChanged: a.pitchChanged, agreement: 'agrees' },
  };
}

/**
 * The soundtrack checked along each picture segment's line, at the speed
 * corrections nearest the segment's speed (pitch kept, and pitch changed):
 * segments where 2 s or more agree are marked as found by both signals.
 */
function alongPicture(p: EpisodeMatch, sounds: FusionSounds): FusedMatch {
  const unheard = (agreement: AudioAgreement, score = p.score): FusedMatch => ({
    ...p,
    score,
    segments: p.segments.map((s) => ({ ...s, score: s.score * (score / p.score), signals: ['picture'] })),
    signals: ['picture'],
    audio: agreement === 'unchecked' ? null : { score: 0, speed: p.segments[0]?.speed ?? 1, pitchChanged: false, agreement },
  });
  const ref = sounds.episode(p.episode);
  const clip = ref ? sounds.clip() : null;
  if (!clip?.length || !ref) return unheard('unchecked');
  let compared = 0;
  let agreeing: AudioVariant | null = null;
  const heard = p.segments.map((s) => {
    let agrees = false;
    for (const pitchChanged of [false, true]) {
      const v = nearest(clip, s.speed, pitchChanged);
      // Variant item j is heard at clip time j·hop / v.speed; the picture puts that at refStart + (t − clipStart)·speed.
      const offset = Math.round((s.refStart - s.clipStart * s.speed) / AUDIO_ITEM_SECONDS);
      const r = agreementAlong(v, ref.print, ref.shares, offset, Math.floor((s.clipStart * v.speed) / AUDIO_ITEM_SECONDS), Math.ceil((s.clipEnd * v.speed) / AUDIO_ITEM_SECONDS));
      compared = Math.max(compared, r.comparedSeconds);
      if (r.matchedSeconds >= AGREEING_SECONDS && !agrees) {
        agrees = true;
        agreeing ??= v;
      }
    }
    return agrees;
  });
  if (agreeing) {
    const v: AudioVariant = agreeing;
    return {
      ...p,
      segments: p.segments.map((s, i) => ({ ...s, signals: heard[i] ? ['picture', 'audio'] : ['picture'] })),
      signals: ['picture', 'audio'],
      audio: { score: 0, speed: v.speed, pitchChanged: v.pitchChanged, agreement: 'agrees' },
    };
  }
  if (compared < CONTRADICTION_SECONDS) return unheard('silent');
  return unheard('contradicts', p.score < STRONG_PICTURE ? p.score * CONTRADICTED : p.score);
}

function nearest(variants: readonly AudioVariant[], speed: number, pitchChanged: boolean): AudioVariant {
  let best = variants[0];
  for (const v of variants) {
    if (v.speed !== 1 && v.pitchChanged !== pitchChanged) continue;
    if (Math.abs(Math.log(v.speed / speed)) < Math.abs(Math.log(best.speed / speed))) best = v;
  }
  return best;
}

function audioSegment(t: AudioMatch['segments'][number]): MatchSegment {
  return { clipStart: t.clipStart, clipEnd: t.clipEnd, refStart: t.refStart, refEnd: t.refEnd, speed: t.speed, matchedFrames: 0, score: t.score };
}

function audioOnly(a: AudioMatch): FusedMatch {
  return {
    episode: a.episode,
    score: a.score,
    mirrored: false,
    region: { x0: 0, y0: 0, x1: 1, y1: 1 },
    segments: a.segments.map((t) => ({ ...audioSegment(t), signals: ['audio'] })),
    signals: ['audio'],
    audio: { score: a.score, speed: a.speed, pitchChanged: a.pitchChanged, agreement: 'unchecked' },
  };
}
