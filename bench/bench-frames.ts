// Decoding and fingerprinting for the in-process benchmarks (bench:match, bench:short),
// through the same media library and at the same rate as the workers.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '@dramaguard/config';
import { Fingerprint, FINGERPRINT_FPS, fingerprintFrames, GreyFrame } from '@dramaguard/fingerprint';
import { FrameReader, MediaProbe, scaledGeometry } from '@dramaguard/media';

const config = loadConfig();
const probe = new MediaProbe(config);
const reader = new FrameReader(config);

export async function frames(file: string): Promise<GreyFrame[]> {
  const info = await probe.probe(file);
  const out: GreyFrame[] = [];
  for await (const f of reader.frames(file, { ...scaledGeometry(info.width, info.height), fps: FINGERPRINT_FPS })) out.push(f);
  return out;
}

export function fingerprintOf(list: readonly GreyFrame[]): Fingerprint {
  return fingerprintFrames(list);
}

/** 60 s of the first three refs: mirrored, 15% cropped, 1.15x fast, re-encoded at 540x960 (bench:match, bench:stages). */
export function clip60(refs: string[], dir: string): string {
  const out = join(dir, 'clip60.mp4');
  const inputs = refs.slice(0, 3).flatMap((r) => ['-t', '23', '-i', r]);
  const pieces = refs.slice(0, 3).map((_, i) => `[${i}:v]fps=30,scale=540:960,setsar=1[v${i}]`).join(';');
  const filter = `${pieces};[v0][v1][v2]concat=n=3:v=1:a=0,hflip,crop=iw*0.85:ih*0.85:iw*0.1:ih*0.05,scale=540:960,setpts=PTS/1.15[out]`;
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...inputs, '-filter_complex', filter, '-map', '[out]', '-t', '60', '-c:v', 'libx264', '-crf', '28', out]);
  return out;
}
