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
