import { ProgressMeter } from './progress-meter';

describe('ProgressMeter', () => {
  it('reports in steps and never beyond its span', () => {
    const m = new ProgressMeter(100, 90, 10);
    const seen = Array.from({ length: 130 }, (_, i) => m.next(i + 1)).filter((p) => p !== null);
    expect(seen).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('stays silent when the length is unknown', () => {
    expect(new ProgressMeter(0, 90).next(50)).toBeNull();
  });
});
