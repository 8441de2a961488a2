import { AudioPrint, AudioVariant } from './audio-print';

const PRINT_MAGIC = 'DGA1';
const PROBE_MAGIC = 'DGAP';

/** A print as stored with a registration: magic, item count, the items (little-endian) and one voiced bit per item. */
export function encodeAudioPrint(print: AudioPrint): Buffer {
  const n = print.items.length;
  const out = Buffer.alloc(8 + n * 4 + Math.ceil(n / 8));
  out.write(PRINT_MAGIC, 0, 'latin1');
  out.writeUInt32LE(n, 4);
  for (let i = 0; i < n; i++) out.writeUInt32LE(print.items[i], 8 + i * 4);
  const bits = 8 + n * 4;
  for (let i = 0; i < n; i++) if (print.voiced[i]) out[bits + (i >> 3)] |= 1 << (i & 7);
  return out;
}

/** The number of items a stored print holds, read from its header alone. */
export function audioItemCount(data: Uint8Array): number {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.byteLength < 8 || buf.toString('latin1', 0, 4) !== PRINT_MAGIC) throw new RangeError('not an audio fingerprint');
  return buf.readUInt32LE(4);
}

export function decodeAudioPrint(data: Uint8Array): AudioPrint {
  const n = audioItemCount(data);
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.byteLength !== 8 + n * 4 + Math.ceil(n / 8)) throw new RangeError(`audio fingerprint of ${n} items has ${buf.byteLength} bytes`);
  const items = new Uint32Array(n);
  const voiced = new Uint8Array(n);
  const bits = 8 + n * 4;
  for (let i = 0; i < n; i++) {
    items[i] = buf.readUInt32LE(8 + i * 4);
    voiced[i] = (buf[bits + (i >> 3)] >> (i & 7)) & 1;
  }
  return { items, voiced };
}

/** A clip's soundtrack at every speed correction, as stored with the clip for its shards. */
export function encodeAudioProbe(variants: readonly AudioVariant[]): Buffer {
  const parts: Buffer[] = [Buffer.from(PROBE_MAGIC, 'latin1'), Buffer.from([variants.length])];
  for (const v of variants) {
    const head = Buffer.alloc(9);
    head.writeFloatLE(v.speed, 0);
    head[4] = v.pitchChanged ? 1 : 0;
    const print = encodeAudioPrint(v.print);
    head.writeUInt32LE(print.byteLength, 5);
    parts.push(head, print);
  }
  return Buffer.concat(parts);
}

export function decodeAudioProbe(data: Uint8Array): AudioVariant[] {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.byteLength < 5 || buf.toString('latin1', 0, 4) !== PROBE_MAGIC) throw new RangeError('not an audio probe');
  const out: AudioVariant[] = [];
  let at = 5;
  for (let i = 0; i < buf[4]; i++) {
    const speed = Math.round(buf.readFloatLE(at) * 10000) / 10000;
    const pitchChanged = buf[at + 4] === 1;
    const length = buf.readUInt32LE(at + 5);
    out.push({ speed, pitchChanged, print: decodeAudioPrint(buf.subarray(at + 9, at + 9 + length)) });
    at += 9 + length;
  }
  if (at !== buf.byteLength) throw new RangeError('audio probe has trailing bytes');
  return out;
}
