import { IDLE_MS, MatchThread } from './match-thread.service';

describe('MatchThread sessions', () => {
  const thread = new MatchThread();

  afterAll(() => thread.onModuleDestroy());

  it("gives a closed session's block bytes to the next session, and never those of an open one", async () => {
    const first = await thread.open('match');
    const bytes = first.blockBytes(1000);
    expect(bytes.length).toBe(1000);
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    const second = await thread.open('match');
    const other = second.blockBytes(1000);
    expect(other.buffer).not.toBe(bytes.buffer);
    await first.close();
    const third = await thread.open('match');
    expect(third.blockBytes(500).buffer).toBe(bytes.buffer);
    await Promise.all([second.close(), third.close()]);
  });

  it('refuses block bytes to a session once it is closing: a late read would write into bytes given to another', async () => {
    const session = await thread.open('match');
    const closed = session.close();
    expect(() => session.blockBytes(100)).toThrow(/closing/);
    await closed;
  });

  it('keeps its spare block bytes while sessions follow each other, and gives them back once none has been open for IDLE_MS', async () => {
    // Only the timers are faked: the thread answers through its message port.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    // A thread of its own: the other tests leave spare buffers of the same size.
    const own = new MatchThread();
    try {
      const first = await own.open('match');
      const bytes = first.blockBytes(1000);
      await first.close();
      jest.advanceTimersByTime(IDLE_MS - 1);
      const soon = await own.open('match');
      expect(soon.blockBytes(1000).buffer).toBe(bytes.buffer);
      await soon.close();
      jest.advanceTimersByTime(IDLE_MS);
      const later = await own.open('match');
      expect(later.blockBytes(1000).buffer).not.toBe(bytes.buffer);
      await later.close();
    } finally {
      jest.useRealTimers();
      await own.onModuleDestroy();
    }
  });
});
