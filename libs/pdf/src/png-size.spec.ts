import { pngSize } from './png-size';

/** The smallest valid PNG header: signature and IHDR of a 640 x 360 image. */
function header(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
}

describe('pngSize', () => {
  it('reads width and height from the header', () => {
    expect(pngSize(header(640, 360))).toEqual({ width: 640, height: 360 });
  });

  it('refuses anything else', () => {
    expect(() => pngSize(Buffer.from('GIF89a not a png at all, long enough'))).toThrow('not a PNG image');
    expect(() => pngSize(header(1, 1).subarray(0, 20))).toThrow('not a PNG image');
  });
});
