/**
 * Turns a running frame count into percent updates, sent only when the
 * percentage moved by `step`, so a long decode does not write a row per frame.
 */
export class ProgressMeter {
  private last = 0;

  constructor(
    private readonly expectedFrames: number,
    /** The share of the job's progress the counted work stands for, e.g. 90 when storing takes the rest. */
    private readonly span: number,
    private readonly step = 5,
  ) {}

  /** The new percentage when an update is due, otherwise null. */
  next(frames: number): number | null {
    if (this.expectedFrames <= 0) return null;
    const percent = Math.min(this.span, Math.floor((frames / this.expectedFrames) * this.span));
    if (percent - this.last < this.step) return null;
    this.last = percent;
    return percent;
  }
}
