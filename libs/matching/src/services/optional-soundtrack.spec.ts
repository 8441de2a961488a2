import { MediaError } from '@dramaguard/media';
import { JobRun } from '@dramaguard/queue';
import { optionalSoundtrack } from './optional-soundtrack';

const run = (attempt: number): JobRun => ({ attempt, maxAttempts: 3, reportProgress: async () => undefined });
const unreadable = () => Promise.reject(new MediaError('decode_failed', 'ffmpeg could not read the soundtrack (bad AAC)'));

describe('optionalSoundtrack', () => {
  it('fails the attempt while the job has attempts left, so an unreadable soundtrack is retried', async () => {
    const giveUp = jest.fn();
    await expect(optionalSoundtrack(unreadable, run(2), giveUp)).rejects.toThrow(/bad AAC/);
    expect(giveUp).not.toHaveBeenCalled();
  });

  it('goes on without the soundtrack on the last attempt, saying why', async () => {
    const giveUp = jest.fn();
    await expect(optionalSoundtrack(unreadable, run(3), giveUp)).resolves.toBeNull();
    expect(giveUp).toHaveBeenCalledWith('ffmpeg could not read the soundtrack (bad AAC)');
  });

  it('leaves every other failure to the job, and a print to its caller', async () => {
    await expect(optionalSoundtrack(() => Promise.reject(new MediaError('ffmpeg_missing', 'no ffmpeg')), run(3), jest.fn())).rejects.toThrow('no ffmpeg');
    await expect(optionalSoundtrack(async () => 'print', run(1), jest.fn())).resolves.toBe('print');
  });
});
