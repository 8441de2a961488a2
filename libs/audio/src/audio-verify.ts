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
/** Shorter runs of matching windows are chance (and the issue asks for excerpts of 5 s or more). */
export const AUDIO_MIN_SEGMENT_SECONDS = 4;

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
}

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
    let best: Window | null = null;
    for (let o = line - DRIFT; o <= line + DRIFT; o++) {
      const ber = windowBer(q, ref, shares, first, o);
      if (ber !== null && (!best || ber < best.ber)) best = { first, offset: o, ber };
    }
    if (best && best.ber <= AUDIO_MATCH_BER) {
      matched.push(best);
      line = best.offset;
    }
  }
  return runs(matched).map((run) => toSegment(run, variant.speed));
}

/** Along a line fixed by the picture: how many 2 s windows of `[from, to)` (variant items) both sides hear, and how many of those match. */
export function agreementAlong(variant: AudioVariant, ref: AudioPrint, shares: Uint8Array | null, offset: number, from: number, to: number): { compared: number; matched: number } {
  let compared = 0;
  let matched = 0;
  for (let first = Math.max(0, from); first + WINDOW / 2 <= Math.min(to, variant.print.items.length); first += STEP) {
    let best: number | null = null;
    for (let o = offset - DRIFT; o <= offset + DRIFT; o++) {
      const ber = windowBer(variant.print, ref, shares, first, o);
      if (ber !== null && (best === null || ber < best)) best = ber;
    }
    if (best === null) continue;
    compared++;
    if (best <= AUDIO_MATCH_BER) matched++;
  }
  return { compared, matched };
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

/** Consecutive matched windows (one missing window between them is bridged) long enough to count. */
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
  return out.filter((r) => (r[r.length - 1].first + WINDOW - r[0].first) * AUDIO_ITEM_SECONDS >= AUDIO_MIN_SEGMENT_SECONDS);
}

/**
 * Times: an item hears the 2.2 s from its own time on, so a run covers from
 * its first item to a span after its last. Clip seconds are the corrected
 * variant's seconds divided by its speed. The speed is the line's own, as it
 * drifted from the first window to the last: a correction near the true speed
 * can follow the line too.
 */
function toSegment(run: readonly Window[], speed: number): AudioSegment {
  const head = run[0];
  const tail = run[run.length - 1];
  const firstItem = head.first;
  const lastItem = tail.first + WINDOW - 1;
  const ber = run.reduce((s, w) => s + w.ber, 0) / run.length;
  const clipStart = (firstItem * AUDIO_ITEM_SECONDS) / speed;
  const clipEnd = (lastItem * AUDIO_ITEM_SECONDS + AUDIO_ITEM_SPAN_SECONDS) / speed;
  const refStart = Math.max(0, (firstItem + head.offset) * AUDIO_ITEM_SECONDS);
  const refEnd = (lastItem + tail.offset) * AUDIO_ITEM_SECONDS + AUDIO_ITEM_SPAN_SECONDS;
  const slope = tail.first > head.first ? (tail.first + tail.offset - head.first - head.offset) / (tail.first - head.first) : 1;
  const lineSpeed = Math.round(speed * slope * 1000) / 1000;
  return { clipStart, clipEnd, refStart, refEnd, speed: lineSpeed, ber, score: audioScore(ber, clipEnd - clipStart) };
}

/**
 * 0–1: how far below chance the bits agree, weighed by length, which reaches
 * full weight at 10 s. Copies measured on the dev set differ in 1–20 % of
 * their bits; chance lines between unrelated room tone, found among 21 speed
 * corrections, in 23–28 %: 0.36 and worse counts nothing, 0.14 and better all.
 */
export function audioScore(ber: number, seconds: number): number {
  const agreement = Math.min(1, Math.max(0, (0.36 - ber) / 0.22));
  const length = Math.min(1, seconds / 10);
  return agreement * (0.6 + 0.4 * length);
}
