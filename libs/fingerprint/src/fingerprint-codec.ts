import { Fingerprint, FingerprintView } from './fingerprint';

const MAGIC = 0x44474632; // "DGF2"
const HEADER_BYTES = 4 + 1 + 4 + 1;
const VIEW_HEADER_BYTES = 16;

/**
 * Compact binary form stored in PostgreSQL (bytea): a header, then per view its
 * region and 8 bytes of hash plus 1 byte of quality per frame, little-endian:
 * 9 bytes per frame and view, 72 bytes per second of video at 8 frames/second.
 */
export function encodeFingerprint(fp: Fingerprint): Buffer {
  const n = fp.frames;
  const buf = Buffer.alloc(HEADER_BYTES + fp.views.length * (VIEW_HEADER_BYTES + 9 * n));
  buf.writeUInt32BE(MAGIC, 0);
  buf.writeUInt8(fp.fps, 4);
  buf.writeUInt32LE(n, 5);
  buf.writeUInt8(fp.views.length, 9);
  let at = HEADER_BYTES;
  for (const v of fp.views) {
    if (v.quality.length !== n || v.hashes.length !== 2 * n) throw new RangeError('fingerprint view does not hold one hash per frame');
    buf.writeFloatLE(v.region.x0, at);
    buf.writeFloatLE(v.region.y0, at + 4);
    buf.writeFloatLE(v.region.x1, at + 8);
    buf.writeFloatLE(v.region.y1, at + 12);
    at += VIEW_HEADER_BYTES;
    for (let i = 0; i < 2 * n; i++) buf.writeUInt32LE(v.hashes[i], at + 4 * i);
    at += 8 * n;
    buf.set(v.quality, at);
    at += n;
  }
  return buf;
}

export function decodeFingerprint(buf: Uint8Array): Fingerprint {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < HEADER_BYTES || b.readUInt32BE(0) !== MAGIC) throw new Error('not a DramaGuard fingerprint');
  const fps = b.readUInt8(4);
  const n = b.readUInt32LE(5);
  const count = b.readUInt8(9);
  if (b.length !== HEADER_BYTES + count * (VIEW_HEADER_BYTES + 9 * n)) throw new Error('fingerprint length does not match its header');
  const views: FingerprintView[] = [];
  let at = HEADER_BYTES;
  for (let k = 0; k < count; k++) {
    const region = { x0: b.readFloatLE(at), y0: b.readFloatLE(at + 4), x1: b.readFloatLE(at + 8), y1: b.readFloatLE(at + 12) };
    at += VIEW_HEADER_BYTES;
    const hashes = new Uint32Array(2 * n);
    for (let i = 0; i < 2 * n; i++) hashes[i] = b.readUInt32LE(at + 4 * i);
    at += 8 * n;
    const quality = Uint8Array.from(b.subarray(at, at + n));
    at += n;
    views.push({ region, hashes, quality });
  }
  return { fps, frames: n, views };
}
