import { moveSelection, queueAction } from './queue-keys';

const press = (key: string, more: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; targetIsField: boolean }> = {}) =>
  queueAction({ key, ctrlKey: false, metaKey: false, altKey: false, targetIsField: false, ...more });

describe('queueAction', () => {
  it('maps the shortcut keys and the arrows', () => {
    expect(press('j')).toBe('next');
    expect(press('ArrowDown')).toBe('next');
    expect(press('k')).toBe('previous');
    expect(press('ArrowUp')).toBe('previous');
    expect(press('Enter')).toBe('open');
    expect(press('c')).toBe('claim');
    expect(press('y')).toBe('confirm');
    expect(press('d')).toBe('dismiss');
    expect(press('r')).toBe('report');
    expect(press('x')).toBeNull();
  });

  it('ignores keys typed into fields or held with a modifier', () => {
    expect(press('d', { targetIsField: true })).toBeNull();
    expect(press('c', { ctrlKey: true })).toBeNull();
    expect(press('r', { metaKey: true })).toBeNull();
  });
});

describe('moveSelection', () => {
  it('stays inside the list', () => {
    expect(moveSelection(0, -1, 3)).toBe(0);
    expect(moveSelection(2, 1, 3)).toBe(2);
    expect(moveSelection(1, 1, 3)).toBe(2);
    expect(moveSelection(5, 1, 0)).toBe(0);
  });
});
