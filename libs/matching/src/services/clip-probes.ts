import { decodeProbes, WindowProbe } from '@dramaguard/matcher';
import { KeptByKey } from '../matching/kept-by-key';

/**
 * Clips whose probes a process keeps (about 400 KB a minute of video): a
 * shard's jobs for one clip come within moments of each other, and a clip
 * pushed out by two others is only read again.
 */
const KEPT_CLIPS = 2;

/**
 * A clip's full probes, read from its probe file and decoded once a round in
 * this process: a shard's geometry, match and verify jobs for the clip each
 * need them, one within moments of the other, and each read was about 6 ms
 * of a round every shard waits on (docs/BENCHMARK.md, section 51). A read
 * that fails is not kept, so the job's retry reads again.
 */
export class ClipProbes {
  private readonly kept = new KeptByKey<Promise<readonly WindowProbe[] | null>>(KEPT_CLIPS);

  constructor(private readonly read: (clipId: string) => Promise<Buffer | null>) {}

  /** The clip's probes, window by window; null when it has no probe file (sent by an earlier release). */
  of(clipId: string, round: number): Promise<readonly WindowProbe[] | null> {
    const key = `${clipId}:${round}`;
    const kept = this.kept.peek(key);
    if (kept) return kept;
    const probes = this.read(clipId).then((bytes) => (bytes ? decodeProbes(bytes) : null));
    this.kept.keep(key, probes);
    probes.catch(() => {
      if (this.kept.peek(key) === probes) this.kept.take(key);
    });
    return probes;
  }
}
