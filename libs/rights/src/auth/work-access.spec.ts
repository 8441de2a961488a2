import { Role } from '@dramaguard/records';
import { canChangeWork, canSeeWork } from './work-access';

const caller = (role: Role, id = 'me') => ({ id, name: 'x', role });
const mine = { ownerId: 'me' };
const theirs = { ownerId: 'other' };

describe('work access', () => {
  it('lets admins and reviewers see every work, a holder only its own, a licensee none', () => {
    expect(canSeeWork(caller('admin'), theirs)).toBe(true);
    expect(canSeeWork(caller('reviewer'), theirs)).toBe(true);
    expect(canSeeWork(caller('rights_holder'), mine)).toBe(true);
    expect(canSeeWork(caller('rights_holder'), theirs)).toBe(false);
    expect(canSeeWork(caller('licensee'), mine)).toBe(false);
  });

  it('lets only the owner and admins change a work', () => {
    expect(canChangeWork(caller('admin'), theirs)).toBe(true);
    expect(canChangeWork(caller('rights_holder'), mine)).toBe(true);
    expect(canChangeWork(caller('rights_holder'), theirs)).toBe(false);
    expect(canChangeWork(caller('reviewer'), mine)).toBe(false);
  });
});
