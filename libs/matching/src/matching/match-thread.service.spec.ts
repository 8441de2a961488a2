import { MatchThread } from './match-thread.service';

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
});
