import { decodeInputOptions, ffmpegFailureDetail, greyFrameFilter, greyFrameOutputOptions, quietInputOptions } from './ffmpeg-args';

describe('ffmpeg argument builders', () => {
  it('samples, scales with area averaging and converts to grey, in that order', () => {
    expect(greyFrameFilter({ fps: 8, width: 144, height: 256 })).toBe('fps=8,scale=144:256:flags=area,format=gray');
  });

  it('writes raw grey frames of the first video stream only', () => {
    const args = greyFrameOutputOptions({ fps: 8, width: 256, height: 144 });
    expect(args.slice(0, 5)).toEqual(['-map', '0:v:0', '-an', '-sn', '-dn']);
    expect(args[args.indexOf('-vf') + 1]).toBe('fps=8,scale=256:144:flags=area,format=gray');
    expect(args[args.indexOf('-pix_fmt') + 1]).toBe('gray');
    expect(args[args.indexOf('-f') + 1]).toBe('rawvideo');
  });

  it('refuses odd sizes and non-integer rates rather than letting ffmpeg round them', () => {
    expect(() => greyFrameFilter({ fps: 8, width: 145, height: 256 })).toThrow(RangeError);
    expect(() => greyFrameFilter({ fps: 7.5, width: 144, height: 256 })).toThrow(RangeError);
    expect(() => greyFrameFilter({ fps: 8, width: 0, height: 256 })).toThrow(RangeError);
  });

  it('skips deblocking only where the frames shrink at least four times on both axes', () => {
    const sampling = { fps: 8, width: 144, height: 256 };
    expect(decodeInputOptions({ width: 1080, height: 1920 }, sampling)).toEqual(['-skip_loop_filter', 'all']);
    expect(decodeInputOptions({ width: 576, height: 1024 }, sampling)).toEqual(['-skip_loop_filter', 'all']);
    expect(decodeInputOptions({ width: 540, height: 960 }, sampling)).toEqual([]);
    expect(decodeInputOptions({ width: 1080, height: 960 }, sampling)).toEqual([]);
  });

  it('keeps ffmpeg quiet except for errors and never reads stdin', () => {
    expect(quietInputOptions()).toEqual(['-hide_banner', '-nostdin', '-nostats', '-v', 'error']);
  });

  it('reports the last stderr lines, shortened', () => {
    expect(ffmpegFailureDetail('\nfoo\n\nbar: Invalid data found\n', '/f', 'x')).toBe('foo; bar: Invalid data found');
    expect(ffmpegFailureDetail('  \n', '/f', 'fallback')).toBe('fallback');
    expect(ffmpegFailureDetail('e'.repeat(400), '/f', 'x')).toHaveLength(300);
  });

  it('hides the server path, decoder addresses and version banners', () => {
    const stderr = [
      'ffprobe exited with code 1',
      'ffprobe version 5.1.9 Copyright (c) 2007-2026 the FFmpeg developers',
      '  libpostproc    56.  6.100 / 56.  6.100',
      '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55f8459cf180] moov atom not found',
      '/srv/media/incoming/86c8: Invalid data found when processing input',
    ].join('\n');
    expect(ffmpegFailureDetail(stderr, '/srv/media/incoming/86c8', 'x')).toBe(
      '[mov,mp4,m4a,3gp,3g2,mj2] moov atom not found; input: Invalid data found when processing input',
    );
  });
});
