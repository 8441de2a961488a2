import { FINGERPRINT_FPS, GreyFrame } from '@dramaguard/fingerprint';
import { EpisodeMatch, mergeWindowMatches } from '@dramaguard/matcher';
import { MatchSession, MatchThread } from './match-thread.service';
import { youngCollected } from './collect-garbage';

/**
 * A video is matched in windows of two minutes overlapping by ten seconds, so
 * the match thread never holds more than a window of frames (36 MB at 256 px)
 * however long the upload: an hour-long compilation or episode would be a
 * gigabyte at once. A copy cut by a window's end is seen whole by the next;
 * videos up to one window long are matched exactly as before.
 */
export const WINDOW_FRAMES = 120 * FINGERPRINT_FPS;
export const OVERLAP_FRAMES = 10 * FINGERPRINT_FPS;

/** What was made of one window's frames, and the window's first frame in the video. */
export interface Windowed<T> {
  readonly first: number;
  readonly value: T;
}

/**
 * Cuts a video's frames, pushed as they come, into windows, each in a match
 * thread session of its own: `perWindow` runs once the window's last frame is
 * pushed, then its session is closed. A window opens only when a frame comes
 * after the previous window's overlap, so a video of exactly one window is one
 * session.
 */
export class FrameWindows<T> {
  private session: Promise<MatchSession> | null = null;
  private start = 0;
  private count = 0;
  private readonly tail: GreyFrame[] = [];
  private readonly windows: Promise<Windowed<T>>[] = [];
  private aborted = false;

  constructor(
    private readonly open: () => Promise<MatchSession>,
    private readonly perWindow: (session: MatchSession) => Promise<T>,
    private readonly window = WINDOW_FRAMES,
    private readonly overlap = OVERLAP_FRAMES,
  ) {}

  /** Null, or the window this frame closed: await it to hold one window at a time. */
  push(frame: GreyFrame): Promise<Windowed<T>> | null {
    if (this.aborted) return null;
    if (!this.session) {
      this.session = this.open();
      for (const f of this.tail) this.send(f);
      // The overlap's frames are this window's first: kept only those the next overlap reaches.
      this.tail.splice(0, this.window - this.overlap);
    }
    this.send(frame);
    // Only the frames the next window starts with are kept: any other is dropped young, its bytes freed by the
    // next collection of the young generation rather than left for a full one (youngCollected).
    if (this.count >= this.window - this.overlap) this.tail.push(frame);
    this.count++;
    if (this.count < this.window) return null;
    const closed = this.close();
    this.start += this.count - this.tail.length;
    this.count = this.tail.length;
    return closed;
  }

  /** Every window, in order (an empty video is one empty window). */
  finish(): Promise<Windowed<T>[]> {
    if (!this.windows.length && !this.session) this.session = this.open();
    if (this.session) this.close();
    return Promise.all(this.windows);
  }

  /**
   * Closes the open window's session without its `perWindow` (the frames
   * stopped coming), and opens none for frames pushed after: a caller whose
   * other work failed may still be decoding.
   */
  async abort(): Promise<void> {
    this.aborted = true;
    const session = this.session;
    this.session = null;
    await Promise.allSettled([...this.windows, session?.then((s) => s.close())]);
  }

  private send(frame: GreyFrame): void {
    // Frames go in order: callbacks on one promise run in the order they were added.
    this.session?.then((s) => s.push(frame), () => undefined);
  }

  private close(): Promise<Windowed<T>> {
    const opened = this.session!;
    const first = this.start;
    this.session = null;
    const done = (async () => {
      const session = await opened;
      try {
        return { first, value: await this.perWindow(session) };
      } finally {
        await session.close();
      }
    })();
    // Awaited by finish; a failure before then must not count as unhandled.
    done.catch(() => undefined);
    this.windows.push(done);
    return done;
  }
}

/** A video's matches, window by window, merged onto the video's timeline. */
export async function matchInWindows(
  thread: MatchThread,
  frames: AsyncIterable<GreyFrame>,
  matchWindow: (session: MatchSession) => Promise<EpisodeMatch[]>,
  window = WINDOW_FRAMES,
  overlap = OVERLAP_FRAMES,
): Promise<EpisodeMatch[]> {
  const windows = new FrameWindows(() => thread.open('match'), matchWindow, window, overlap);
  try {
    for await (const frame of youngCollected(frames)) await windows.push(frame);
  } catch (e) {
    await windows.abort();
    throw e;
  }
  return mergedWindows(await windows.finish());
}

export function mergedWindows(windows: readonly Windowed<EpisodeMatch[]>[]): EpisodeMatch[] {
  return windows.length === 1 ? windows[0].value.slice() : mergeWindowMatches(windows.map((w) => ({ offsetSeconds: w.first / FINGERPRINT_FPS, matches: w.value })));
}
