import { loadConfig } from '@dramaguard/config';
import { GreyFrame, RegionHasher } from '@dramaguard/fingerprint';
import { FrameReader, sampledDecodeOptions } from '@dramaguard/media';
import { popcount32 } from '@dramaguard/fingerprint';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeOnce } from './support/fixtures';

/**
 * A clip decoded the sampled way (only referenced frames, no deblocking) must
 * give the frames a full decode gives, to within what the matcher tolerates.
 */
describe('sampled decode of clips', () => {
  const reader = new FrameReader(loadConfig());
  const sampling = { fps: 8, width: 144, height: 256 };
  let clip: string;

  beforeAll(async () => {
    // Two B-frames between references, as phone and platform encoders write them.
    clip = await makeOnce(mkdtempSync(join(tmpdir(), 'dg-sampled-')), 'b-frames.mp4', (out) => [
      '-f', 'lavfi', '-i', 'testsrc2=size=360x640:rate=30', '-t', '6',
      '-c:v', 'libx264', '-preset', 'veryfast', '-bf', '2', '-x264-params', 'b-pyramid=none', '-pix_fmt', 'yuv420p', out,
    ]);
  });

  async function decode(sampled: boolean): Promise<GreyFrame[]> {
    const out: GreyFrame[] = [];
    for await (const f of reader.frames(clip, sampling, sampled)) out.push(f);
    return out;
  }

  it('skips unreferenced frames and deblocking', () => {
    expect(sampledDecodeOptions()).toEqual(['-skip_frame', 'noref', '-skip_loop_filter', 'all']);
  });

  it('yields as many frames as a full decode, each hashing within a few bits of the full decode', async () => {
    const [full, sampled] = [await decode(false), await decode(true)];
    expect(sampled).toHaveLength(full.length);
    expect(full).toHaveLength(48);
    const whole = { x0: 0, y0: 0, x1: 1, y1: 1 };
    const a = new Uint32Array(2);
    const b = new Uint32Array(2);
    const distances = full.map((f, i) => {
      new RegionHasher(f).hashOne(whole, false, a, 0);
      new RegionHasher(sampled[i]).hashOne(whole, false, b, 0);
      return popcount32(a[0] ^ b[0]) + popcount32(a[1] ^ b[1]);
    });
    const mean = distances.reduce((s, d) => s + d, 0) / distances.length;
    // The matcher's match distance is 12 bits; a full decode of a re-encode differs by a few.
    expect(mean).toBeLessThan(4);
    // The two decodes did differ somewhere: the options reached the decoder.
    expect(full.some((f, i) => !Buffer.from(f.data).equals(Buffer.from(sampled[i].data)))).toBe(true);
  });
});
