/** What a rights holder declares not theirs in an episode: a time range and why. */
export interface ExclusionInput {
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly reason: string;
}

/**
 * An exclusion may end this far past the episode's stated duration: the
 * container's duration and the last decoded frame differ by a frame or two,
 * and a holder reading times off a player rounds them.
 */
export const EXCLUSION_END_TOLERANCE_SECONDS = 0.5;
/** Exclusions one registration may hold: enough for every sting and stock shot of an episode. */
export const MAX_EXCLUSIONS_PER_REGISTRATION = 50;
export const MAX_EXCLUSION_REASON_LENGTH = 500;

/**
 * Pure: why an exclusion cannot be recorded on an episode of the given
 * duration, or null when it can. The reason is judged trimmed.
 */
export function exclusionProblem(x: ExclusionInput, durationSeconds: number): string | null {
  if (!Number.isFinite(x.startSeconds) || !Number.isFinite(x.endSeconds)) return 'startSeconds and endSeconds must be finite numbers of seconds';
  if (x.startSeconds < 0) return `startSeconds must be 0 or more, got ${x.startSeconds}`;
  if (x.endSeconds <= x.startSeconds) return `endSeconds (${x.endSeconds}) must be after startSeconds (${x.startSeconds})`;
  if (x.endSeconds > durationSeconds + EXCLUSION_END_TOLERANCE_SECONDS) {
    return `endSeconds (${x.endSeconds}) is beyond the end of the episode (${round(durationSeconds)} s)`;
  }
  const reason = x.reason.trim();
  if (!reason) return 'a reason is required: say what the range is and why it is not yours (e.g. "licensed stock footage")';
  if (reason.length > MAX_EXCLUSION_REASON_LENGTH) return `the reason may be at most ${MAX_EXCLUSION_REASON_LENGTH} characters`;
  return null;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
