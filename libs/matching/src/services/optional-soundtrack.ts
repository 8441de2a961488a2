import { MediaError } from '@dramaguard/media';
import { isLastAttempt, JobRun } from '@dramaguard/queue';

/**
 * A soundtrack ffmpeg cannot read is retried with its job (the one failure
 * seen was not reproduced); on the job's last attempt the video goes on by
 * its picture alone, null, and `giveUp` is told why. Any other failure is the
 * job's.
 */
export async function optionalSoundtrack<T>(print: () => Promise<T | null>, run: JobRun, giveUp: (reason: string) => void): Promise<T | null> {
  try {
    return await print();
  } catch (e) {
    if (!(e instanceof MediaError) || e.code !== 'decode_failed' || !isLastAttempt(run)) throw e;
    giveUp(e.message);
    return null;
  }
}
