import { FINGERPRINT_FPS, GreyFrame } from '@dramaguard/fingerprint';
import { EpisodeMatch, mergeWindowMatches, WindowMatches } from '@dramaguard/matcher';
import { MatchSession, MatchThread } from './match-thread.service';

/**
 * A video is matched in windows of two minutes overlapping by ten seconds, so
 * the match thread never holds more than a window of frames (36 MB at 256 px)
 * however long the upload: an hour-long compilation or episode would be a
 * gigabyte at once. A copy cut by a window's end is seen whole by the next;
 * videos up to one window long are matched exactly as before.
 */
export const WINDOW_FRAMES = 120 * FINGERPRINT_FPS;
export const OVERLAP_FRAMES = 10 * FINGERPRINT_FPS;

export async function matchInWindows(
  thread: MatchThread,
  frames: AsyncIterable<GreyFrame>,
  matchWindow: (session: MatchSession) => Promise<EpisodeMatch[]>,
  window = WINDOW_FRAMES,
  overlap = OVERLAP_FRAMES,
): Promise<EpisodeMatch[]> {
  const windows: WindowMatches[] = [];
  let session: MatchSession | null = null;
  let start = 0;
  let count = 0;
  const tail: GreyFrame[] = [];
  try {
    for await (const frame of frames) {
      if (!session) {
        // The next window opens only when a frame comes after the overlap: a video of exactly one window is one session.
        session = await thread.open(false);
        for (const f of tail) session.push(f);
      }
      session.push(frame);
      count++;
      tail.push(frame);
      if (tail.length > overlap) tail.shift();
      if (count < window) continue;
      windows.push({ offsetSeconds: start / FINGERPRINT_FPS, matches: await matchWindow(session) });
      await session.close();
      session = null;
      start += count - tail.length;
      count = tail.length;
    }
    if (!windows.length && !session) session = await thread.open(false);
    if (session) windows.push({ offsetSeconds: start / FINGERPRINT_FPS, matches: await matchWindow(session) });
  } finally {
    await session?.close();
  }
  return windows.length === 1 ? windows[0].matches.slice() : mergeWindowMatches(windows);
}
