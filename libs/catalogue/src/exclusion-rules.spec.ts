import { EXCLUSION_END_TOLERANCE_SECONDS, exclusionProblem, MAX_EXCLUSION_REASON_LENGTH } from './exclusion-rules';

const x = (startSeconds: number, endSeconds: number, reason = 'platform sting') => ({ startSeconds, endSeconds, reason });

describe('exclusionProblem', () => {
  it('accepts a range inside the episode with a reason', () => {
    expect(exclusionProblem(x(0, 3), 16)).toBeNull();
    expect(exclusionProblem(x(9.5, 15.25), 16)).toBeNull();
    expect(exclusionProblem(x(12, 16), 16)).toBeNull();
  });

  it('refuses a negative start', () => {
    expect(exclusionProblem(x(-0.1, 3), 16)).toMatch(/startSeconds must be 0 or more/);
  });

  it('refuses an end that is not after the start', () => {
    expect(exclusionProblem(x(3, 3), 16)).toMatch(/must be after startSeconds/);
    expect(exclusionProblem(x(5, 4), 16)).toMatch(/must be after startSeconds/);
  });

  it('lets the end pass the stated duration by the tolerance only', () => {
    expect(exclusionProblem(x(10, 16 + EXCLUSION_END_TOLERANCE_SECONDS), 16)).toBeNull();
    expect(exclusionProblem(x(10, 16 + EXCLUSION_END_TOLERANCE_SECONDS + 0.01), 16)).toMatch(/beyond the end of the episode \(16 s\)/);
    expect(exclusionProblem(x(20, 30), 16)).toMatch(/beyond the end/);
  });

  it('requires a reason that is not blank, and not too long', () => {
    expect(exclusionProblem(x(0, 3, ''), 16)).toMatch(/a reason is required/);
    expect(exclusionProblem(x(0, 3, '   \n'), 16)).toMatch(/a reason is required/);
    expect(exclusionProblem(x(0, 3, 'a'.repeat(MAX_EXCLUSION_REASON_LENGTH)), 16)).toBeNull();
    expect(exclusionProblem(x(0, 3, 'a'.repeat(MAX_EXCLUSION_REASON_LENGTH + 1)), 16)).toMatch(/at most/);
  });

  it('refuses times that are not finite numbers', () => {
    expect(exclusionProblem(x(NaN, 3), 16)).toMatch(/finite/);
    expect(exclusionProblem(x(0, Infinity), 16)).toMatch(/finite/);
  });
});
