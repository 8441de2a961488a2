/** What a key press means in the case queue. */
export type QueueAction = 'next' | 'previous' | 'open' | 'claim' | 'confirm' | 'dismiss' | 'report';

/** The queue's shortcuts, shown on the page from this same table. */
export const QUEUE_KEYS: readonly (readonly [key: string, action: QueueAction, label: string])[] = [
  ['j', 'next', 'next case'],
  ['k', 'previous', 'previous case'],
  ['Enter', 'open', 'open the case'],
  ['c', 'claim', 'claim'],
  ['y', 'confirm', 'confirm (claims an open case first)'],
  ['d', 'dismiss', 'dismiss with a reason (claims an open case first)'],
  ['r', 'report', 'download the report'],
];

/** The action for a key event, or null when it is not a shortcut or is typed into a field. */
export function queueAction(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; targetIsField: boolean }): QueueAction | null {
  if (event.targetIsField || event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key === 'ArrowDown' ? 'j' : event.key === 'ArrowUp' ? 'k' : event.key;
  return QUEUE_KEYS.find(([k]) => k === key)?.[1] ?? null;
}

/** The row selected after moving from `index` by `step` in a list of `length` rows, staying inside it. */
export function moveSelection(index: number, step: number, length: number): number {
  if (length === 0) return 0;
  return Math.min(Math.max(index + step, 0), length - 1);
}
