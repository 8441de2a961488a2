/**
 * Work a job did in the match thread for the job that follows it (a clip
 * window's sparse round, its stage one), kept by key. A few: the next job
 * comes within moments, and one that finds its work gone does it again.
 */
export class KeptByKey<T> {
  private readonly kept = new Map<string, T>();

  constructor(private readonly limit: number) {}

  keep(key: string, value: T): void {
    this.kept.delete(key);
    this.kept.set(key, value);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.limit) break;
      this.kept.delete(oldest);
    }
  }

  /** The value kept under `key`, which stays kept (and counts as new): for work several jobs read. */
  peek(key: string): T | undefined {
    const value = this.kept.get(key);
    if (value !== undefined) this.keep(key, value);
    return value;
  }

  /** The value kept under `key`, which is forgotten: kept work serves one job. */
  take(key: string): T | undefined {
    const value = this.kept.get(key);
    this.kept.delete(key);
    return value;
  }
}
