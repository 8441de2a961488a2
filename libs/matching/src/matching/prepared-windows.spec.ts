import { MatchSession } from './match-thread.service';
import { closeTaken, PreparedWindows } from './prepared-windows';

/** A session that records when it was closed, and whether its push had settled by then. */
function fakeSessions() {
  const events: string[] = [];
  let next = 0;
  const open = async () => {
    const id = next++;
    events.push(`open ${id}`);
    return { id, close: async () => (events.push(`close ${id}`), null) } as unknown as MatchSession & { id: number };
  };
  return { events, open };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
/** Every pending promise callback a few steps deep, without timers (which the fake clock holds). */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('PreparedWindows', () => {
  it('gives the prepared session, filled, to the one who takes it, once', async () => {
    const { events, open } = fakeSessions();
    const windows = new PreparedWindows(open);
    windows.prepare('w', async (s) => void events.push(`fill ${(s as unknown as { id: number }).id}`));
    windows.prepare('w', async () => void events.push('filled twice'));
    const taken = windows.take('w');
    expect(taken).not.toBeNull();
    await taken!.pushed;
    expect(events).toEqual(['open 0', 'fill 0']);
    expect(windows.take('w')).toBeNull();
    await closeTaken(taken!);
    expect(events).toEqual(['open 0', 'fill 0', 'close 0']);
  });

  it('closes a window not taken in time, only once its push has settled', async () => {
    jest.useFakeTimers();
    try {
      const { events, open } = fakeSessions();
      let finish = () => undefined as void;
      const windows = new PreparedWindows(open, 1_000);
      windows.prepare('w', () => new Promise<void>((resolve) => (finish = () => (events.push('pushed'), resolve()))));
      await flush();
      jest.advanceTimersByTime(1_000);
      // Long enough for a close that did not wait for the push to have happened.
      await flush();
      expect(events).toEqual(['open 0']);
      finish();
      await flush();
      expect(events).toEqual(['open 0', 'pushed', 'close 0']);
      expect(windows.take('w')).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('closes the oldest beyond its limit, and every window at the end', async () => {
    const { events, open } = fakeSessions();
    const windows = new PreparedWindows(open, 60_000, 2);
    for (const key of ['a', 'b', 'c']) windows.prepare(key, async () => undefined);
    await settle();
    expect(events).toContain('close 0');
    expect(windows.take('a')).toBeNull();
    await windows.closeAll();
    expect(events.filter((e) => e.startsWith('close')).sort()).toEqual(['close 0', 'close 1', 'close 2']);
  });

  it('hands a failed push to its taker, and closes the session all the same', async () => {
    const { events, open } = fakeSessions();
    const windows = new PreparedWindows(open);
    windows.prepare('w', async () => {
      throw new Error('frames missing');
    });
    const taken = windows.take('w')!;
    await expect(taken.pushed).rejects.toThrow('frames missing');
    await closeTaken(taken);
    expect(events).toEqual(['open 0', 'close 0']);
  });
});
