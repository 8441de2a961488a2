/** A range on a time axis, in seconds. */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

/** Where a range sits on an axis of `duration` seconds, as left offset and width in percent, clamped to the axis. */
export function rangeOnAxis(range: TimeRange, duration: number): { left: number; width: number } {
  if (!(duration > 0)) return { left: 0, width: 0 };
  const start = Math.min(Math.max(range.start, 0), duration);
  const end = Math.min(Math.max(range.end, start), duration);
  return { left: (start / duration) * 100, width: ((end - start) / duration) * 100 };
}

/** The axis length that shows every range: the known duration, or the furthest end when the duration is unknown or shorter. */
export function axisLength(duration: number | null | undefined, ranges: readonly TimeRange[]): number {
  return Math.max(duration ?? 0, ...ranges.map((r) => r.end), 0);
}

/** The seconds under a pointer at `x` pixels of an axis `width` pixels wide, to a tenth. */
export function secondsAt(x: number, width: number, duration: number): number {
  if (!(width > 0)) return 0;
  const fraction = Math.min(Math.max(x / width, 0), 1);
  return Math.round(fraction * duration * 10) / 10;
}

/** A range drawn from `a` to `b` in either direction. */
export function drawnRange(a: number, b: number): TimeRange {
  return { start: Math.min(a, b), end: Math.max(a, b) };
}
