import { formatRegistrationNumber } from './registration-number';

describe('formatRegistrationNumber', () => {
  it('pads the serial to six digits', () => {
    expect(formatRegistrationNumber(2026, 42)).toBe('DG-2026-000042');
    expect(formatRegistrationNumber(2027, '1')).toBe('DG-2027-000001');
  });

  it('keeps serials beyond six digits whole', () => {
    expect(formatRegistrationNumber(2026, 12345678n)).toBe('DG-2026-12345678');
  });

  it('rejects serials and years that cannot be real', () => {
    expect(() => formatRegistrationNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatRegistrationNumber(26, 1)).toThrow(RangeError);
  });
});
