// Decoding and fingerprinting for the in-process benchmarks (bench:match, bench:short),
// through the same media library and at the same rate as the workers.
import { loadConfig } from '@dramaguard/config';
import { Fingerprint, FINGERPRINT_FPS, FingerprintBuilder, GreyFrame } from '@dramaguard/fingerprint';
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
  const b = new FingerprintBuilder();
  list.forEach((f) => b.push(f));
  return b.finish();
}
