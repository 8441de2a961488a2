import type { Caller } from './auth/caller';
import { DomainError } from '@dramaguard/records';
import type { CaseStatus } from '@dramaguard/records';

/** The state a case may be in for `action`, and who may take it: open → claimed → confirmed | dismissed. */
export function checkCaseAction(
  action: 'claim' | 'confirm' | 'dismiss',
  c: { status: CaseStatus; assigneeId: string | null },
  caller: Caller,
): void {
  if (action === 'claim') {
    if (c.status !== 'open') {
      throw new DomainError('case_not_open', `the case is ${c.status}${c.assigneeId ? ` (claimed by ${c.assigneeId})` : ''}; only an open case can be claimed`);
    }
    return;
  }
  if (c.status !== 'claimed') throw new DomainError('case_not_claimed', `the case is ${c.status}; claim it before deciding it`);
  if (c.assigneeId !== caller.id && caller.role !== 'admin') {
    throw new DomainError('forbidden', 'the case is claimed by another reviewer; only they (or an admin) can decide it');
  }
}
