import { formatScore, formatSeconds } from './time-format';

describe('formatSeconds', () => {
  it('writes minutes, seconds and tenths, with hours only when needed', () => {
    expect(formatSeconds(0)).toBe('0:00.0');
    expect(formatSeconds(7.25)).toBe('0:07.3');
    expect(formatSeconds(65.04)).toBe('1:05.0');
    expect(formatSeconds(3_725.5)).toBe('1:02:05.5');
    expect(formatSeconds(-3)).toBe('0:00.0');
  });
});

describe('formatScore', () => {
  it('rounds to a whole percentage', () => {
    expect(formatScore(0.876)).toBe('88%');
    expect(formatScore(1)).toBe('100%');
  });
});
