import { CaseStatus, DisputeStatus, DomainError } from '@dramaguard/records';

const DAY_MS = 86_400_000;

/** When the rights holder's answer is due: `answerDays` (possibly fractional) after the dispute was opened. */
export function answerDue(openedAt: Date, answerDays: number): Date {
  return new Date(openedAt.getTime() + Math.round(answerDays * DAY_MS));
}

/** Only a confirmed case can be disputed, and only once. */
export function checkCanDispute(caseStatus: CaseStatus, existing: DisputeStatus | null): void {
  if (existing !== null) throw new DomainError('dispute_exists', `the case has been disputed already (the dispute is ${existing}); a case is disputed once`);
  if (caseStatus !== 'confirmed') throw new DomainError('case_not_confirmed', `the case is ${caseStatus}; only a confirmed case can be disputed`);
}

/** The rights holder answers an open dispute, before or after its deadline as long as the deadline job has not released the case. */
export function checkCanAnswer(status: DisputeStatus): void {
  if (status !== 'open') throw new DomainError('dispute_not_open', `the dispute is ${status}; only an open dispute can be answered`);
}

/** An upheld dispute can be appealed once: appealing moves it on, so a second appeal finds it no longer upheld. */
export function checkCanAppeal(status: DisputeStatus): void {
  if (status !== 'upheld') throw new DomainError('dispute_not_upheld', `the dispute is ${status}; only a dispute the rights holder upheld can be appealed, once`);
}

export function checkCanDecideAppeal(status: DisputeStatus): void {
  if (status !== 'appealed') throw new DomainError('dispute_not_appealed', `the dispute is ${status}; only an appealed dispute awaits an admin's decision`);
}

/**
 * What the deadline job does: nothing once the dispute was answered (or released),
 * release when the deadline has passed, and otherwise report how long is left.
 */
export function deadlineOutcome(status: DisputeStatus, answerDueAt: Date, now: Date): { readonly release: boolean; readonly earlyMs: number } {
  if (status !== 'open') return { release: false, earlyMs: 0 };
  const earlyMs = answerDueAt.getTime() - now.getTime();
  return { release: earlyMs <= 0, earlyMs: Math.max(0, earlyMs) };
}
