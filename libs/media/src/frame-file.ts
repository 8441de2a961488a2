import type { GreyFrame } from '@dramaguard/fingerprint';

/**
 * A decoded video's frames as one file, so the shards of the match index
 * need not decode the video again: an 8-byte header ("DGF1", width and height
 * as little-endian 16-bit numbers), then every frame's grey bytes in order.
 */
export const FRAME_FILE_HEADER_BYTES = 8;
const MAGIC = 'DGF1';

export function frameFileHeader(width: number, height: number): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 0xffff || height > 0xffff) {
    throw new RangeError(`frame size ${width}x${height} cannot be stored`);
  }
  const header = Buffer.alloc(FRAME_FILE_HEADER_BYTES);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt16LE(width, 4);
  header.writeUInt16LE(height, 6);
  return header;
}

export function parseFrameFileHeader(header: Buffer): { width: number; height: number } {
  if (header.length < FRAME_FILE_HEADER_BYTES || header.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a frame file');
  return { width: header.readUInt16LE(4), height: header.readUInt16LE(6) };
}

/** Checks that a frame fits the file's size, so a file never mixes frame sizes. */
export function frameBytes(frame: GreyFrame, width: number, height: number): Uint8Array {
  if (frame.width !== width || frame.height !== height || frame.data.length !== width * height) {
    throw new RangeError(`a ${frame.width}x${frame.height} frame in a file of ${width}x${height} frames`);
  }
  return frame.data;
}
