import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@dramaguard/config';
import { fingerprintFrames, FINGERPRINT_FPS, GreyFrame, hamming64 } from '@dramaguard/fingerprint';
import { FrameReader, scaledGeometry } from '@dramaguard/media';
import { DEFAULT_MATCHER_OPTIONS } from '@dramaguard/matcher';
import { makeOnce } from './support/fixtures';

// A large, hard-compressed video: its blocks are what the deblocking filter smooths.
const SIZE = { width: 1080, height: 1920 };
const DIR = join(tmpdir(), 'dramaguard-decoding-fixtures-v1');

async function readAll(reader: FrameReader, file: string, source?: typeof SIZE): Promise<GreyFrame[]> {
  const frames: GreyFrame[] = [];
  const sampling = { fps: FINGERPRINT_FPS, ...scaledGeometry(SIZE.width, SIZE.height) };
  for await (const f of reader.frames(file, sampling, source)) frames.push(f);
  return frames;
}

describe('decoding a large video without deblocking (real ffmpeg)', () => {
  const reader = new FrameReader({ ffmpeg: { ffmpegPath: 'ffmpeg' } } as AppConfig);
  let file: string;

  beforeAll(async () => {
    file = await makeOnce(DIR, 'large.mp4', (out) => [
      '-f', 'lavfi', '-i', `testsrc2=size=${SIZE.width}x${SIZE.height}:rate=25`, '-t', '3',
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '40', '-pix_fmt', 'yuv420p', out,
    ]);
  });

  it('gives frames within a grey level of the filtered ones on average, and hashes well within the match distance', async () => {
    const filtered = await readAll(reader, file);
    const skipped = await readAll(reader, file, SIZE);
    expect(skipped).toHaveLength(filtered.length);
    expect(filtered.length).toBe(3 * FINGERPRINT_FPS);

    let diff = 0;
    let pixels = 0;
    filtered.forEach((f, i) => {
      for (let p = 0; p < f.data.length; p++) diff += Math.abs(f.data[p] - skipped[i].data[p]);
      pixels += f.data.length;
    });
    // Different pictures: the option reached the decoder. Close ones: it only skipped smoothing.
    expect(diff).toBeGreaterThan(0);
    expect(diff / pixels).toBeLessThan(1);

    const a = fingerprintFrames(filtered).views[0];
    const b = fingerprintFrames(skipped).views[0];
    const distances = a.quality.map((_, f) => hamming64(a.hashes, f, b.hashes, f));
    // Measured here: median 2 bits, at most 8; on the 1080x1920 bench clip median 0, at most 10.
    const sorted = [...distances].sort((x, y) => x - y);
    expect(sorted[sorted.length >> 1]).toBeLessThanOrEqual(3);
    expect(sorted[sorted.length - 1]).toBeLessThan(DEFAULT_MATCHER_OPTIONS.matchDistance);
  });
});
