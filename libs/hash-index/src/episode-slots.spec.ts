import { EpisodeSlots } from './episode-slots';

describe('EpisodeSlots', () => {
  it('places entries by slot, and compacts away dead slots keeping the live ones in order', () => {
    const slots = new EpisodeSlots();
    slots.add('a', 'w1', 0);
    slots.add('b', 'w1', 10);
    slots.add('c', undefined, 25);
    expect([slots.slotOf(0), slots.slotOf(9), slots.slotOf(10), slots.slotOf(30)]).toEqual([0, 0, 1, 2]);
    expect(slots.endEntry(1, 40)).toBe(25);
    expect(slots.endEntry(2, 40)).toBe(40);

    expect(slots.remove('b')).toBe(1);
    expect(slots.remove('b')).toBe(-1);
    expect([slots.isAlive(1), slots.size]).toEqual([false, 2]);

    const moved: [number, number][] = [];
    let next = 0;
    slots.compact(40, (first, end) => {
      moved.push([first, end]);
      const at = next;
      next += end - first;
      return at;
    });
    expect(moved).toEqual([[0, 10], [25, 40]]);
    expect([slots.find('a'), slots.find('b'), slots.find('c')]).toEqual([0, -1, 1]);
    expect([slots.nameOf(1), slots.group(0), slots.group(1), slots.firstEntry(1), slots.endEntry(1, 25)]).toEqual(['c', 'w1', undefined, 10, 25]);
    expect(slots.slotOf(12)).toBe(1);
  });
});
