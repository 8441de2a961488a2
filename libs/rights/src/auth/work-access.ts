import { DomainError } from '@dramaguard/records';
import type { Caller } from './caller';

/**
 * Rights holders see only their own works (and what hangs off them:
 * registrations, cases, licences); reviewers and admins see every work;
 * licensees see none directly, only the public register (ownership queries).
 */
export function canSeeWork(caller: Caller, work: { ownerId: string }): boolean {
  if (caller.role === 'admin' || caller.role === 'reviewer') return true;
  return caller.role === 'rights_holder' && work.ownerId === caller.id;
}

/** Only the owner and admins change a work or register its episodes. */
export function canChangeWork(caller: Caller, work: { ownerId: string }): boolean {
  return caller.role === 'admin' || (caller.role === 'rights_holder' && work.ownerId === caller.id);
}

/** The registration, if the caller may see its work; one the caller may not see is reported as missing. */
export function visibleRegistration<T extends { episode?: { work?: { ownerId: string } } }>(caller: Caller, registration: T | null, id: string): T {
  const work = registration?.episode?.work;
  if (!registration || !work || !canSeeWork(caller, work)) throw new DomainError('registration_not_found', `no registration with id ${id}`);
  return registration;
}
