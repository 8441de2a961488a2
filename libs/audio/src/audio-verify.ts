import { popcount32 } from '@dramaguard/fingerprint';
import { AUDIO_ITEM_SECONDS, AUDIO_ITEM_SPAN_SECONDS, AudioPrint, AudioVariant } from './audio-print';

/** Items per compared window (2 s) and the step between windows. */
const WINDOW = 16;
const STEP = 8;
/** How far the line may move from one window to the next: a residual speed error of up to 3 % drifts it. */
const DRIFT = 2;
/**
 * A window matches when its items differ in at most this share of their bits.
 * Unrelated sound differs in about half; a copy in 5 % (re-encoded) to 30 %
 * (under a music bed, or corrected for a speed change).
 */
export const AUDIO_MATCH_BER = 0.33;
/** Shorter runs of matching windows are chance; excerpts of 5 s (3 windows) must be found. */
export const AUDIO_MIN_SEGMENT_SECONDS = 4;
const MIN_WINDOWS = 3;
/** An item on its own matches when at most this many of its 32 bits differ (about a third). */
const ITEM_MATCH_BITS = 10;

/** One stretch where the clip's sound is the episode's: clip and episode seconds, bit error rate, score. */
export interface AudioSegment {
  readonly clipStart: number;
  readonly clipEnd: number;
  readonly refStart: number;
  readonly refEnd: number;
  /** Episode seconds per clip second. */
  readonly speed: number;
  readonly ber: number;
  readonly score: number;
}

interface Window {
  readonly first: number;
  readonly offset: number;
  readonly ber: number;
  /** The same clip items against the episode's items far off the line: what chance gives for this sound. */
  readonly chance: number;
}

/** The offset within DRIFT of `line` where the window at `first` agrees best, and its bit error rate; null when no offset has enough items to compare. */
function nearLine(q: AudioPrint, ref: AudioPrint, shares: Uint8Array | null, first: number, line: number): { offset: number; ber: number } | null {
  let best: { offset: number; ber: number } | null = null;
  for (let offset = line - DRIFT; offset <= line + DRIFT; offset++) {
    const ber = windowBer(q, ref, shares, first, offset);
    if (ber !== null && (!best || ber < best.ber)) best = { offset, ber };
  }
  return best;
}

/** Lines this far (items, 3–6 s) off the true one are unrelated moments of the same soundtracks. */
const CHANCE_SHIFTS = [-48, -24, 24, 48];
/** How much better than off the line a window must agree to count as agreeing with the picture's line. */
const CLEAR_OF_CHANCE = 0.1;

/**
 * Follows the line a candidate proposed through the clip, window by window,
 * letting it drift by a couple of items, and answers the runs of matching
 * windows as segments. Items that are silent on either side, or that other
 * works share (`shares`), are not compared.
 */
export function verifyAudio(variant: AudioVariant, ref: AudioPrint, shares: Uint8Array | null, offset: number): AudioSegment[] {
  const q = variant.print;
  const matched: Window[] = [];
  let line = offset;
  for (let first = 0; first + WINDOW / 2 <= q.items.length; first += STEP) {
    const best = nearLine(q, ref, shares, first, line);
    if (best && best.ber <= AUDIO_MATCH_BER) {
      matched.push({ first, ...best, chance: chanceBer(q, ref, shares, first, best.offset) });
      line = best.offset;
    }
  }
  return runs(matched)
    .filter((run) => run.length >= MIN_WINDOWS)
    .map((run) => toSegment(run, variant.speed, edges(run, q, ref)))
    .filter((segment) => segment.clipEnd - segment.clipStart >= AUDIO_MIN_SEGMENT_SECONDS);
}

/**
 * Along a line fixed by the picture: how many 2 s windows of `[from, to)`
 * (variant items) both sides hear, and how many of those match, clearly
 * better than the same sound does off the line (steady room tone matches
 * itself anywhere, and says nothing).
 */
export function agreementAlong(variant: AudioVariant, ref: AudioPrint, shares: Uint8Array | null, offset: number, from: number, to: number): { comparedSeconds: number; matchedSeconds: number } {
  let compared = 0;
  let matched = 0;
  for (let first = Math.max(0, from); first + WINDOW / 2 <= Math.min(to, variant.print.items.length); first += STEP) {
    const best = nearLine(variant.print, ref, shares, first, offset);
    if (!best) continue;
    compared++;
    if (best.ber <= AUDIO_MATCH_BER && best.ber <= chanceBer(variant.print, ref, shares, first, offset) - CLEAR_OF_CHANCE) matched++;
  }
  // Windows overlap by half: each stands for a step of sound.
  return { comparedSeconds: compared * STEP * AUDIO_ITEM_SECONDS, matchedSeconds: matched * STEP * AUDIO_ITEM_SECONDS };
}

/** The mean bit error off the line; 0.5 (chance for varied sound) where the episode has nothing to compare there. */
function chanceBer(q: AudioPrint, ref: AudioPrint, shares: Uint8Array | null, first: number, offset: number): number {
  const bers = CHANCE_SHIFTS.map((shift) => windowBer(q, ref, shares, first, offset + shift)).filter((b): b is number => b !== null);
  return bers.length ? bers.reduce((a, b) => a + b, 0) / bers.length : 0.5;
}

function windowBer(q: AudioPrint, ref: AudioPrint, shares: Uint8Array | null, first: number, offset: number): number | null {
  let bits = 0;
  let pairs = 0;
  const last = Math.min(first + WINDOW, q.items.length);
  for (let j = first; j < last; j++) {
    const r = j + offset;
    if (r < 0 || r >= ref.items.length || !q.voiced[j] || !ref.voiced[r] || shares?.[r]) continue;
    bits += popcount32(q.items[j] ^ ref.items[r]);
    pairs++;
  }
  return pairs >= WINDOW / 2 ? bits / (32 * pairs) : null;
}

/** Consecutive matched windows; one missing window between them is bridged. */
function runs(windows: readonly Window[]): Window[][] {
  const out: Window[][] = [];
  let current: Window[] = [];
  for (const w of windows) {
    if (current.length && w.first - current[current.length - 1].first > 2 * STEP) {
      out.push(current);
      current = [];
    }
    current.push(w);
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * A window matches when most of its items do, so a run's first and last
 * windows reach past the copy by up to a window; its edges are the first and
 * last items that match themselves (with a matching neighbour), searched
 * within those windows.
 */
function edges(run: readonly Window[], q: AudioPrint, ref: AudioPrint): Edges {
  const head = run[0];
  const tail = run[run.length - 1];
  const good = (j: number, offset: number): boolean => {
    const r = j + offset;
    return j >= 0 && j < q.items.length && r >= 0 && r < ref.items.length && popcount32(q.items[j] ^ ref.items[r]) <= ITEM_MATCH_BITS;
  };
  let first = head.first;
  while (first < head.first + WINDOW - 1 && !(good(first, head.offset) && good(first + 1, head.offset))) first++;
  let last = Math.min(tail.first + WINDOW, q.items.length) - 1;
  while (last > tail.first && !(good(last, tail.offset) && good(last - 1, tail.offset))) last--;
  first = first < head.first + WINDOW - 1 ? first : head.first;
  last = last > tail.first ? last : Math.min(tail.first + WINDOW, q.items.length) - 1;
  return { first, last, openStart: first === 0, openEnd: last === q.items.length - 1 };
}

/** A segment's first and last items, and whether they are the clip's own first and last (the copy may reach past them). */
interface Edges {
  readonly first: number;
  readonly last: number;
  readonly openStart: boolean;
  readonly openEnd: boolean;
}

/**
 * An item still matches while most of its span hears the copy, so where other
 * sound comes before or after, the first and last matching items reach about
 * a quarter span past the copy (0.6–0.7 s measured on the audio set).
 */
const BOUNDARY_SECONDS = AUDIO_ITEM_SPAN_SECONDS / 4;

/**
 * Times: an item hears a span (2.72 s) from its own time on, so a segment
 * covers from its first item to a span after its last, each edge moved a
 * quarter span inward where other sound borders it. Clip seconds are the
 * corrected variant's seconds divided by its speed. The speed is the line's
 * own, as it drifted from the first window to the last: a correction near the
 * true speed can follow the line too.
 */
function toSegment(run: readonly Window[], speed: number, items: Edges): AudioSegment {
  const head = run[0];
  const tail = run[run.length - 1];
  const ber = run.reduce((s, w) => s + w.ber, 0) / run.length;
  const chance = run.reduce((s, w) => s + w.chance, 0) / run.length;
  const lead = items.openStart ? 0 : BOUNDARY_SECONDS;
  const trail = AUDIO_ITEM_SPAN_SECONDS - (items.openEnd ? 0 : BOUNDARY_SECONDS);
  const clipStart = (items.first * AUDIO_ITEM_SECONDS + lead) / speed;
  const clipEnd = (items.last * AUDIO_ITEM_SECONDS + trail) / speed;
  const refStart = Math.max(0, (items.first + head.offset) * AUDIO_ITEM_SECONDS + lead);
  const refEnd = (items.last + tail.offset) * AUDIO_ITEM_SECONDS + trail;
  const slope = tail.first > head.first ? (tail.first + tail.offset - head.first - head.offset) / (tail.first - head.first) : 1;
  const lineSpeed = Math.round(speed * slope * 1000) / 1000;
  return { clipStart, clipEnd, refStart, refEnd, speed: lineSpeed, ber, score: audioScore(ber, chance, clipEnd - clipStart) };
}

/**
 * 0–1, from how much better than chance the bits agree, chance measured for
 * this very sound off the line (`chanceBer`: about 0.5 for varied sound, 0.2–0.3
 * for steady room tone or noise, which agrees with itself anywhere), as a
 * share of chance scaled to varied sound, times the square root of the items
 * compared: z = 0.5·(chance − ber)/chance·√items; 1 counts nothing, 3 all.
 * Measured on the dev and audio sets (docs/BENCHMARK.md, section 11): the
 * copies flagged by their sound reached z ≥ 2.4, most of them 3 and more; the
 * best chance lines of the 42 negatives, among 21 speed corrections, z ≤ 1.5.
 */
export function audioScore(ber: number, chanceBer: number, seconds: number): number {
  const z = (0.5 * Math.max(0, chanceBer - ber)) / Math.max(chanceBer, 0.05) * Math.sqrt(Math.max(0, seconds) / AUDIO_ITEM_SECONDS);
  return Math.min(1, Math.max(0, (z - 1) / 2));
}
