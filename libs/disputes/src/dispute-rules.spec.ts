import { DomainError } from '@dramaguard/records';
import { answerDue, checkCanAnswer, checkCanAppeal, checkCanDecideAppeal, checkCanDispute, deadlineOutcome } from './dispute-rules';

describe('dispute rules', () => {
  it('puts the answer deadline the configured (possibly fractional) days after the dispute', () => {
    const opened = new Date('2026-03-01T10:00:00.000Z');
    expect(answerDue(opened, 14).toISOString()).toBe('2026-03-15T10:00:00.000Z');
    expect(answerDue(opened, 0.5).toISOString()).toBe('2026-03-01T22:00:00.000Z');
    expect(answerDue(opened, 5 / 86_400).toISOString()).toBe('2026-03-01T10:00:05.000Z');
  });

  it('lets a confirmed case be disputed once', () => {
    expect(() => checkCanDispute('confirmed', null)).not.toThrow();
    expect(() => checkCanDispute('open', null)).toThrow(/only a confirmed case can be disputed/);
    expect(() => checkCanDispute('released', null)).toThrow(DomainError);
    expect(() => checkCanDispute('confirmed', 'upheld')).toThrow(/disputed already \(the dispute is upheld\)/);
  });

  it('lets the holder answer an open dispute only, an upheld one be appealed once, and an admin decide an appealed one', () => {
    expect(() => checkCanAnswer('open')).not.toThrow();
    expect(() => checkCanAnswer('released')).toThrow(/only an open dispute can be answered/);
    expect(() => checkCanAppeal('upheld')).not.toThrow();
    expect(() => checkCanAppeal('appealed')).toThrow(/can be appealed, once/);
    expect(() => checkCanAppeal('open')).toThrow(DomainError);
    expect(() => checkCanDecideAppeal('appealed')).not.toThrow();
    expect(() => checkCanDecideAppeal('appeal_rejected')).toThrow(/awaits an admin's decision/);
  });

  it('releases at the deadline, not before, and leaves an answered dispute alone', () => {
    const due = new Date('2026-03-15T10:00:00.000Z');
    expect(deadlineOutcome('open', due, new Date('2026-03-15T10:00:00.000Z'))).toEqual({ release: true, earlyMs: 0 });
    expect(deadlineOutcome('open', due, new Date('2026-03-15T09:59:59.000Z'))).toEqual({ release: false, earlyMs: 1000 });
    expect(deadlineOutcome('upheld', due, new Date('2026-03-16T00:00:00.000Z'))).toEqual({ release: false, earlyMs: 0 });
  });
});
