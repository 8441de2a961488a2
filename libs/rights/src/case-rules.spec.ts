import { Role } from '@dramaguard/records';
import { checkCaseAction } from './case-rules';

const me = (role: Role = 'reviewer') => ({ id: 'me', name: 'x', role });
const code = (run: () => void): string | undefined => {
  try {
    run();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return undefined;
};

describe('checkCaseAction', () => {
  it('claims only open cases', () => {
    expect(code(() => checkCaseAction('claim', { status: 'open', assigneeId: null }, me()))).toBeUndefined();
    expect(code(() => checkCaseAction('claim', { status: 'claimed', assigneeId: 'other' }, me()))).toBe('case_not_open');
    expect(code(() => checkCaseAction('claim', { status: 'dismissed', assigneeId: 'me' }, me()))).toBe('case_not_open');
  });

  it('decides only claimed cases, by their assignee or an admin', () => {
    for (const action of ['confirm', 'dismiss'] as const) {
      expect(code(() => checkCaseAction(action, { status: 'claimed', assigneeId: 'me' }, me()))).toBeUndefined();
      expect(code(() => checkCaseAction(action, { status: 'claimed', assigneeId: 'other' }, me()))).toBe('forbidden');
      expect(code(() => checkCaseAction(action, { status: 'claimed', assigneeId: 'other' }, me('admin')))).toBeUndefined();
      expect(code(() => checkCaseAction(action, { status: 'open', assigneeId: null }, me()))).toBe('case_not_claimed');
      expect(code(() => checkCaseAction(action, { status: 'confirmed', assigneeId: 'me' }, me()))).toBe('case_not_claimed');
    }
  });
});
