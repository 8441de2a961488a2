import { frameGrabInputOptions, frameGrabOutputOptions } from './frame-grab-args';

describe('frame grab arguments', () => {
  it('seeks to the millisecond before the input', () => {
    expect(frameGrabInputOptions(4.25)).toEqual(['-ss', '4.250']);
    expect(frameGrabInputOptions(0)).toEqual(['-ss', '0.000']);
  });

  it('writes one PNG of the first video stream at the given height', () => {
    const args = frameGrabOutputOptions(240);
    expect(args.slice(0, 5)).toEqual(['-map', '0:v:0', '-an', '-sn', '-dn']);
    expect(args[args.indexOf('-frames:v') + 1]).toBe('1');
    expect(args[args.indexOf('-vf') + 1]).toBe('scale=-2:240');
    expect(args.slice(-4)).toEqual(['-f', 'image2pipe', '-c:v', 'png']);
  });

  it('refuses times and heights ffmpeg would misread', () => {
    expect(() => frameGrabInputOptions(-1)).toThrow(RangeError);
    expect(() => frameGrabInputOptions(Number.NaN)).toThrow(RangeError);
    expect(() => frameGrabOutputOptions(241)).toThrow(RangeError);
  });
});
