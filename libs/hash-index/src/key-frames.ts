import { FingerprintView, popcount32 } from '@dramaguard/fingerprint';
import { EXCLUDED } from './shared-content';

export interface KeyFrameRules {
  readonly fps: number;
  /** Frames below this quality are never indexed (they vote for nothing). */
  readonly minQuality: number;
  /** At most this many frames of a view are indexed per second. */
  readonly maxPerSecond: number;
  /** A frame within this many bits of the last indexed one is the same shot held, and adds nothing. */
  readonly sameShotBits: number;
}

export const DEFAULT_KEY_FRAME_RULES: KeyFrameRules = { fps: 8, minQuality: 8, maxPerSecond: 2, sameShotBits: 6 };

/** Indexed frames of a view, and for each how many frames it stands for: itself and the near-identical ones after it. */
export interface KeyFrames {
  readonly frames: number[];
  readonly holds: number[];
}

/**
 * The frames of a registered view that go into the match index: informative
 * ones (quality, not excluded by the holder), at most `maxPerSecond`, and one
 * per stretch of near-identical frames. The clip side still probes every frame
 * at the full rate, so a copy hits each key frame from the clip frames around
 * it; the full-rate fingerprint is read again only to verify a candidate. A
 * key frame's hold (a frozen picture held for 12 frames stands for 12) lets
 * the vote discount it as it discounted the 12 hits the frames gave before.
 */
export function selectKeyFrames(view: FingerprintView, shares: Uint8Array | undefined, rules: KeyFrameRules = DEFAULT_KEY_FRAME_RULES): KeyFrames {
  const gap = rules.fps / rules.maxPerSecond;
  const frames: number[] = [];
  const holds: number[] = [];
  let last = -1;
  for (let f = 0; f < view.quality.length; f++) {
    if (view.quality[f] < rules.minQuality || shares?.[f] === EXCLUDED) continue;
    if (last >= 0) {
      const same = popcount32(view.hashes[2 * f] ^ view.hashes[2 * last]) + popcount32(view.hashes[2 * f + 1] ^ view.hashes[2 * last + 1]) <= rules.sameShotBits;
      if (same) holds[holds.length - 1]++;
      if (same || f - last < gap) continue;
    }
    frames.push(f);
    holds.push(1);
    last = f;
  }
  return { frames, holds };
}
