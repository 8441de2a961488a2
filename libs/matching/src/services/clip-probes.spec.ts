import { encodeProbes, fullProbe } from '@dramaguard/matcher';
import { renderClip, syntheticVideo } from '../../../fingerprint/test/synthetic-video';
import { ClipProbes } from './clip-probes';

describe('ClipProbes', () => {
  const probe = fullProbe(renderClip(syntheticVideo(3, 4), 0, 2, 8, 72, 128));
  const file = encodeProbes([{ first: 0, probe }]);

  it('reads a clip round’s probe file once for every job that asks, and again for a new round', async () => {
    const reads: string[] = [];
    const probes = new ClipProbes(async (clipId) => (reads.push(clipId), file));
    const [a, b] = await Promise.all([probes.of('c1', 10), probes.of('c1', 10)]);
    expect(await probes.of('c1', 10)).toBe(a);
    expect(b).toBe(a);
    expect(a).toEqual([{ first: 0, probe }]);
    await probes.of('c1', 11);
    expect(reads).toEqual(['c1', 'c1']);
  });

  it('answers null for a clip without a probe file', async () => {
    expect(await new ClipProbes(async () => null).of('c1', 1)).toBeNull();
  });

  it('keeps no failed read: the retry reads again', async () => {
    let fail = true;
    const probes = new ClipProbes(async () => {
      if (fail) throw new Error('EIO');
      return file;
    });
    await expect(probes.of('c1', 1)).rejects.toThrow('EIO');
    fail = false;
    expect(await probes.of('c1', 1)).toEqual([{ first: 0, probe }]);
  });
});
