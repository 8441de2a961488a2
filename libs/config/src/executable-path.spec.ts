import { findExecutable } from './executable-path';

describe('findExecutable', () => {
  const present = new Set(['/usr/bin/ffmpeg', '/opt/ff/bin/ffprobe']);
  const check = (p: string): boolean => present.has(p);

  it('searches PATH in order for a bare name', () => {
    expect(findExecutable('ffmpeg', '/usr/local/bin:/usr/bin', check)).toBe('/usr/bin/ffmpeg');
    expect(findExecutable('ffmpeg', '/usr/local/bin', check)).toBeNull();
    expect(findExecutable('ffmpeg', undefined, check)).toBeNull();
  });

  it('takes a value with a slash as a path', () => {
    expect(findExecutable('/opt/ff/bin/ffprobe', '/usr/bin', check)).toBe('/opt/ff/bin/ffprobe');
    expect(findExecutable('/usr/bin/ffprobe', '/usr/bin', check)).toBeNull();
  });
});
