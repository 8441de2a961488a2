import { axisLength, drawnRange, rangeOnAxis, secondsAt } from './timeline-scale';

describe('rangeOnAxis', () => {
  it('places a range in percent of the axis', () => {
    expect(rangeOnAxis({ start: 10, end: 20 }, 40)).toEqual({ left: 25, width: 25 });
  });

  it('clamps ranges that leave the axis and draws nothing on an empty axis', () => {
    expect(rangeOnAxis({ start: -5, end: 50 }, 40)).toEqual({ left: 0, width: 100 });
    expect(rangeOnAxis({ start: 30, end: 20 }, 40)).toEqual({ left: 75, width: 0 });
    expect(rangeOnAxis({ start: 1, end: 2 }, 0)).toEqual({ left: 0, width: 0 });
  });
});

describe('axisLength', () => {
  it('is the duration, or the furthest range end past it', () => {
    expect(axisLength(30, [{ start: 0, end: 12 }])).toBe(30);
    expect(axisLength(null, [{ start: 0, end: 12 }, { start: 3, end: 18 }])).toBe(18);
    expect(axisLength(10, [{ start: 5, end: 10.4 }])).toBe(10.4);
  });
});

describe('secondsAt and drawnRange', () => {
  it('turns pointer positions into seconds, clamped to the axis', () => {
    expect(secondsAt(50, 200, 60)).toBe(15);
    expect(secondsAt(-10, 200, 60)).toBe(0);
    expect(secondsAt(300, 200, 60)).toBe(60);
    expect(secondsAt(33, 200, 7)).toBe(1.2);
  });

  it('orders the ends of a range drawn right to left', () => {
    expect(drawnRange(9, 3)).toEqual({ start: 3, end: 9 });
  });
});
