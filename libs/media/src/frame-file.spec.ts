import { FRAME_FILE_HEADER_BYTES, frameBytes, frameFileHeader, parseFrameFileHeader } from './frame-file';

describe('frame file header', () => {
  it('round-trips the frame size', () => {
    const header = frameFileHeader(144, 256);
    expect(header.length).toBe(FRAME_FILE_HEADER_BYTES);
    expect(parseFrameFileHeader(header)).toEqual({ width: 144, height: 256 });
  });

  it('refuses what is not a frame file and sizes it cannot hold', () => {
    expect(() => parseFrameFileHeader(Buffer.from('RIFF0000'))).toThrow('not a frame file');
    expect(() => parseFrameFileHeader(Buffer.alloc(3))).toThrow('not a frame file');
    expect(() => frameFileHeader(0, 10)).toThrow(RangeError);
    expect(() => frameFileHeader(70_000, 10)).toThrow(RangeError);
  });

  it('keeps every frame of a file the same size', () => {
    const frame = { width: 2, height: 2, data: new Uint8Array(4) };
    expect(frameBytes(frame, 2, 2)).toBe(frame.data);
    expect(() => frameBytes(frame, 2, 3)).toThrow('a 2x2 frame in a file of 2x3 frames');
  });
});
