import { DomainError } from '@dramaguard/records';
import { failureReason, recordFailure } from './job-failure';

const run = (attempt: number, maxAttempts = 3) => ({ attempt, maxAttempts, reportProgress: async () => undefined });

describe('recordFailure', () => {
  let subject: { markFailed: jest.Mock; markQueued: jest.Mock };
  beforeEach(() => (subject = { markFailed: jest.fn(), markQueued: jest.fn() }));

  it('puts a retryable failure back in the queue while attempts remain', async () => {
    await recordFailure(new Error('db hiccup'), run(1), subject);
    expect(subject.markQueued).toHaveBeenCalled();
    expect(subject.markFailed).not.toHaveBeenCalled();
  });

  it('marks the subject failed on the last attempt', async () => {
    await recordFailure(new DomainError('decode_interrupted', 'ffmpeg was interrupted'), run(3), subject);
    expect(subject.markFailed).toHaveBeenCalledWith('ffmpeg was interrupted');
  });

  it('marks it failed at once when the input is the problem', async () => {
    await recordFailure(new DomainError('undecodable_video', 'truncated'), run(1), subject);
    expect(subject.markFailed).toHaveBeenCalledWith('truncated');
    expect(subject.markQueued).not.toHaveBeenCalled();
  });
});

describe('failureReason', () => {
  it('labels unexpected errors as internal', () => {
    expect(failureReason(new Error('ECONNRESET'))).toBe('internal error, please retry or contact support (ECONNRESET)');
    expect(failureReason(new DomainError('not_a_video', 'not a video'))).toBe('not a video');
  });
});
