import { Hypothesis } from '@dramaguard/fingerprint';
import { endianness } from 'node:os';
import { QueryProbe } from './query-probe';

const MAGIC = 'DGQ1';

/** A window of a long video: its first frame in the video and its full probe. */
export interface WindowProbe {
  readonly first: number;
  readonly probe: QueryProbe;
}

/**
 * A clip's full probes, one per match window, as the decoding worker writes
 * them beside the frames for the shards: the magic, the window count, then per
 * window its first frame, the JSON of its hypotheses, its frame count and its
 * hashes, mirrored hashes and qualities, little-endian. About 17 bytes per
 * frame and hypothesis: 360 KB for a 60 s clip under 44 hypotheses.
 */
export function encodeProbes(windows: readonly WindowProbe[]): Buffer {
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1'), u32(windows.length)];
  for (const { first, probe } of windows) {
    if (probe.hashed.some((h) => h === 0)) throw new Error('only a fully hashed probe is encoded');
    const hypotheses = Buffer.from(JSON.stringify(probe.hypotheses), 'utf8');
    parts.push(u32(first), u32(hypotheses.length), hypotheses, u32(probe.frames), words(probe.hashes), words(probe.mirrored), Buffer.from(probe.quality));
  }
  return Buffer.concat(parts);
}

export function decodeProbes(data: Uint8Array): WindowProbe[] {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a clip probe');
  let at = 4;
  const next = (): number => {
    if (at + 4 > buf.length) throw new Error('the clip probe is truncated');
    const v = buf.readUInt32LE(at);
    at += 4;
    return v;
  };
  const take = (bytes: number): Buffer => {
    if (at + bytes > buf.length) throw new Error('the clip probe is truncated');
    const out = buf.subarray(at, at + bytes);
    at += bytes;
    return out;
  };
  const out: WindowProbe[] = [];
  for (let count = next(), w = 0; w < count; w++) {
    const first = next();
    const hypotheses = JSON.parse(take(next()).toString('utf8')) as Hypothesis[];
    const frames = next();
    const cells = hypotheses.length * frames;
    const hashes = uint32s(take(8 * cells));
    const mirrored = uint32s(take(8 * cells));
    const quality = new Uint8Array(take(cells));
    out.push({ first, probe: { hypotheses, frames, hashes, mirrored, quality, hashed: new Uint8Array(cells).fill(1) } });
  }
  if (at !== buf.length) throw new Error('the clip probe has trailing bytes');
  return out;
}

function u32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v);
  return b;
}

/**
 * The hash arrays are copied as bytes both ways, not word by word: a shard
 * decodes a clip's probe once per round, and readUInt32LE over the 84 k words
 * of a 60 s clip took 0.6-0.7 ms in one process, 2.4 ms of a shard's main
 * thread under the profiler (docs/BENCHMARK.md, section 43). A copy, not a
 * view, each way: a big-endian host swaps the bytes in place.
 */
function words(a: Uint32Array): Buffer {
  return inFileOrder(Buffer.from(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength)));
}

function uint32s(b: Buffer): Uint32Array {
  const copy = new Uint8Array(b);
  inFileOrder(Buffer.from(copy.buffer));
  return new Uint32Array(copy.buffer);
}

/** The file's words are little-endian; on a big-endian host, the bytes of each are swapped in place. */
function inFileOrder(bytes: Buffer): Buffer {
  return endianness() === 'LE' ? bytes : bytes.swap32();
}
