import { GreyFrame } from '@dramaguard/fingerprint';
import { EpisodeMatch } from '@dramaguard/matcher';
import { MatchSession, MatchThread } from './match-thread.service';
import { FrameWindows, matchInWindows } from './windowed-match';

/** Sessions that record the frames pushed to them, numbered by the frame's first byte. */
class FakeThread {
  readonly sessions: { frames: number[]; closed: boolean }[] = [];

  async open(): Promise<MatchSession> {
    const record = { frames: [] as number[], closed: false };
    this.sessions.push(record);
    return { push: (f: GreyFrame) => record.frames.push(f.data[0]), close: async () => ((record.closed = true), null) } as unknown as MatchSession;
  }
}

async function* video(frames: number): AsyncGenerator<GreyFrame> {
  for (let i = 0; i < frames; i++) yield { width: 1, height: 1, data: Uint8Array.of(i % 256) };
}

/** Every window reports episode "e" at its first two seconds. */
const firstTwoSeconds = async (): Promise<EpisodeMatch[]> => [
  { episode: 'e', score: 0.9, mirrored: false, region: { x0: 0, y0: 0, x1: 1, y1: 1 }, segments: [{ clipStart: 0, clipEnd: 2, refStart: 0, refEnd: 2, speed: 1, matchedFrames: 16, score: 0.9 }] },
];

describe('matchInWindows', () => {
  it('matches a video no longer than a window in one session, as it is', async () => {
    const thread = new FakeThread();
    const found = await matchInWindows(thread as unknown as MatchThread, video(80), firstTwoSeconds, 80, 16);
    expect(thread.sessions).toHaveLength(1);
    expect(thread.sessions[0]).toEqual({ frames: Array.from({ length: 80 }, (_, i) => i), closed: true });
    expect(found[0].segments[0].clipStart).toBe(0);
  });

  it('matches each window in a session of its own, each starting with the overlap the last one ended with, and times the matches on the whole video', async () => {
    const thread = new FakeThread();
    const found = await matchInWindows(thread as unknown as MatchThread, video(200), firstTwoSeconds, 80, 16);
    expect(thread.sessions.map((s) => [s.frames[0], s.frames.length, s.closed])).toEqual([
      [0, 80, true],
      [64, 80, true],
      [128, 72, true],
    ]);
    // Windows start at frames 0, 64 and 128: 0, 8 and 16 s at 8 frames a second.
    expect(found[0].segments.map((s) => s.clipStart)).toEqual([0, 8, 16]);
  });

  it('starts every window with the frames the last one ended with, in order, also when the overlap is most of a window', async () => {
    const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
    for (const [frames, window, overlap] of [
      [200, 80, 16],
      [23, 10, 7],
    ]) {
      const thread = new FakeThread();
      await matchInWindows(thread as unknown as MatchThread, video(frames), firstTwoSeconds, window, overlap);
      const step = window - overlap;
      const firsts = range(0, Math.ceil((frames - overlap) / step)).map((k) => k * step);
      expect(thread.sessions.map((s) => s.frames)).toEqual(firsts.map((first) => range(first, Math.min(frames, first + window))));
    }
  });

  it('does not match again the overlap a video ends with', async () => {
    const thread = new FakeThread();
    await matchInWindows(thread as unknown as MatchThread, video(144), firstTwoSeconds, 80, 16);
    expect(thread.sessions.map((s) => s.frames.length)).toEqual([80, 80]);
  });

  it('matches an empty video as one empty window', async () => {
    const thread = new FakeThread();
    expect(await matchInWindows(thread as unknown as MatchThread, video(0), async () => [], 80, 16)).toEqual([]);
    expect(thread.sessions).toEqual([{ frames: [], closed: true }]);
  });
});

describe('FrameWindows', () => {
  it('windows frames pushed without waiting, as matchInWindows windows them, and answers each window with its first frame', async () => {
    const thread = new FakeThread();
    let made = 0;
    const windows = new FrameWindows(() => thread.open(), async () => ++made, 80, 16);
    for await (const frame of video(200)) void windows.push(frame);
    expect(await windows.finish()).toEqual([
      { first: 0, value: 1 },
      { first: 64, value: 2 },
      { first: 128, value: 3 },
    ]);
    expect(thread.sessions.map((s) => [s.frames[0], s.frames.length, s.closed])).toEqual([
      [0, 80, true],
      [64, 80, true],
      [128, 72, true],
    ]);
  });

  it('closes the open window without answering it when the frames stop coming', async () => {
    const thread = new FakeThread();
    const answered: number[] = [];
    const windows = new FrameWindows(() => thread.open(), async () => answered.push(1), 80, 16);
    for await (const frame of video(100)) void windows.push(frame);
    await windows.abort();
    expect(answered).toEqual([1]);
    expect(thread.sessions.map((s) => s.closed)).toEqual([true, true]);
  });

  it('opens no window for frames pushed after an abort', async () => {
    const thread = new FakeThread();
    const windows = new FrameWindows(() => thread.open(), async () => 1, 80, 16);
    for await (const frame of video(40)) void windows.push(frame);
    await windows.abort();
    for await (const frame of video(100)) expect(windows.push(frame)).toBeNull();
    expect(thread.sessions.map((s) => [s.frames.length, s.closed])).toEqual([[40, true]]);
  });
});

