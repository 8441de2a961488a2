import { MatchSession } from './match-thread.service';

/** How long a prepared window waits to be taken: its verify job starts as the last shard proposes, or at the shards' wait. */
const PREPARED_MS = 60_000;
/**
 * Windows kept prepared at most, beyond which the oldest is closed: each
 * holds a window's frames (18 MB) until its verify job takes it, and two
 * cover a shard working on two clips at once.
 */
const PREPARED_WINDOWS = 2;

interface Prepared {
  readonly session: Promise<MatchSession>;
  readonly pushed: Promise<void>;
  readonly timer: NodeJS.Timeout;
}

/** A prepared window, now its taker's to close once `pushed` has settled. */
export interface TakenWindow {
  readonly session: Promise<MatchSession>;
  readonly pushed: Promise<void>;
}

/**
 * The clip window a shard is about to verify first, opened in the match
 * thread and given its frames while the other shards still propose: reading a
 * window's frames (18 MB for 60 s) was the longest step of a verifying shard
 * before it verified (docs/BENCHMARK.md, section 51), and the wait for the
 * last proposal hides it. A window not taken in time, or pushed out by newer
 * ones, is closed.
 */
export class PreparedWindows {
  private readonly kept = new Map<string, Prepared>();

  constructor(
    private readonly open: () => Promise<MatchSession>,
    private readonly waitMs = PREPARED_MS,
    private readonly limit = PREPARED_WINDOWS,
  ) {}

  /** Opens a session under `key` and fills it with `fill`, unless one is kept there. */
  prepare(key: string, fill: (session: MatchSession) => Promise<void>): void {
    if (this.kept.has(key)) return;
    const session = this.open();
    const pushed = session.then(fill);
    // Its taker awaits it; a window never taken is closed whatever became of it.
    pushed.catch(() => undefined);
    const timer = setTimeout(() => void this.drop(key), this.waitMs).unref();
    this.kept.set(key, { session, pushed, timer });
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.limit) break;
      void this.drop(oldest);
    }
  }

  /** The window prepared under `key`, or null. */
  take(key: string): TakenWindow | null {
    const prepared = this.kept.get(key);
    if (!prepared) return null;
    clearTimeout(prepared.timer);
    this.kept.delete(key);
    return { session: prepared.session, pushed: prepared.pushed };
  }

  /** Closes every window not taken. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.kept.keys()].map((key) => this.drop(key)));
  }

  private async drop(key: string): Promise<void> {
    const taken = this.take(key);
    // A session that cannot close is one of a match thread that has stopped, which MatchThread reports itself.
    if (taken) await closeTaken(taken).catch(() => undefined);
  }
}

/**
 * Closes a taken window once its push has settled: the push writes into the
 * session's block bytes, which closing gives to another session.
 */
export async function closeTaken({ session, pushed }: TakenWindow): Promise<void> {
  await pushed.catch(() => undefined);
  const opened = await session.catch(() => null);
  await opened?.close();
}
