import { Logger } from '@nestjs/common';
import { Periodic } from './periodic';

describe('Periodic', () => {
  it('runs one pass at a time: a caller asking during a pass gets that pass', async () => {
    let passes = 0;
    let release: () => void = () => undefined;
    const periodic = new Periodic(() => new Promise<number>((resolve) => (release = () => resolve(++passes))), new Logger('test'), 'a pass');
    const first = periodic.run();
    const second = periodic.run();
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(1);
    const third = periodic.run();
    release();
    expect(await third).toBe(2);
  });

  it('repeats on its timer, logs a failed pass and tries again at the next tick, until stopped', async () => {
    jest.useFakeTimers();
    try {
      const warn = jest.fn();
      let calls = 0;
      const periodic = new Periodic(
        async () => {
          calls++;
          if (calls === 1) throw new Error('database away');
          return calls;
        },
        { warn } as unknown as Logger,
        'the test pass',
      );
      periodic.start(1_000);
      await jest.advanceTimersByTimeAsync(999);
      expect(calls).toBe(0);
      await jest.advanceTimersByTimeAsync(1);
      expect(warn).toHaveBeenCalledWith('the test pass failed, will retry: database away');
      await jest.advanceTimersByTimeAsync(2_000);
      expect(calls).toBe(3);
      periodic.stop();
      await jest.advanceTimersByTimeAsync(5_000);
      expect(calls).toBe(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
