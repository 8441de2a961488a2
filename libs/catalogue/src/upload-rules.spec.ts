import { MediaError } from '@dramaguard/media';
import { DomainError } from '@dramaguard/records';
import { checkFileName, checkVideoLimits, decodedEnough, fromMediaError } from './upload-rules';

const limits = { maxUploadBytes: 1e9, minDurationSeconds: 1, maxDurationSeconds: 600, minDimension: 64, maxDimension: 4096 };
const video = { durationSeconds: 12, width: 360, height: 640, codec: 'h264', hasAudio: true };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    return (e as DomainError).code;
  }
  return undefined;
}

describe('checkFileName', () => {
  it('keeps plain names', () => {
    expect(checkFileName(' episode 1.mp4 ')).toBe('episode 1.mp4');
    expect(checkFileName('第一集.mp4')).toBe('第一集.mp4');
  });

  it('names a nameless upload', () => {
    expect(checkFileName('')).toBe('upload');
  });

  it('rejects directories, parent references and control characters', () => {
    for (const bad of ['../../etc/passwd', 'a/b.mp4', 'C:\\videos\\a.mp4', '..', 'a\u0000.mp4']) {
      expect(codeOf(() => checkFileName(bad))).toBe('invalid_file_name');
    }
  });

  it('rejects names too long for a file system', () => {
    expect(codeOf(() => checkFileName('a'.repeat(256)))).toBe('invalid_file_name');
  });
});

describe('checkVideoLimits', () => {
  it('accepts a video inside the limits', () => {
    expect(() => checkVideoLimits(video, limits)).not.toThrow();
  });

  it('rejects durations outside the limits with both bounds in the message', () => {
    expect(() => checkVideoLimits({ ...video, durationSeconds: 0.4 }, limits)).toThrow(/0.40 s; accepted videos last between 1 and 600 s/);
    expect(codeOf(() => checkVideoLimits({ ...video, durationSeconds: 601 }, limits))).toBe('duration_out_of_range');
  });

  it('rejects absurd picture sizes', () => {
    expect(codeOf(() => checkVideoLimits({ ...video, width: 16 }, limits))).toBe('dimensions_out_of_range');
    expect(() => checkVideoLimits({ ...video, height: 20000 }, limits)).toThrow(/360x20000/);
  });
});

describe('decodedEnough', () => {
  it('accepts a file that decodes to about its stated length', () => {
    expect(decodedEnough(96, 12, 8)).toBe(true);
    expect(decodedEnough(80, 12, 8)).toBe(true);
  });

  it('rejects a file that stops far short of it, or yields nothing', () => {
    expect(decodedEnough(30, 12, 8)).toBe(false);
    expect(decodedEnough(0, 0.05, 8)).toBe(false);
  });
});

describe('fromMediaError', () => {
  it('maps every media failure to a domain code', () => {
    expect(fromMediaError(new MediaError('unreadable_media', 'x')).code).toBe('not_a_video');
    expect(fromMediaError(new MediaError('no_video_stream', 'x')).code).toBe('no_video_stream');
    expect(fromMediaError(new MediaError('decode_failed', 'x')).code).toBe('undecodable_video');
    expect(fromMediaError(new MediaError('ffmpeg_missing', 'x')).code).toBe('media_tools_missing');
    expect(fromMediaError(new MediaError('decode_interrupted', 'x')).code).toBe('decode_interrupted');
  });
});
