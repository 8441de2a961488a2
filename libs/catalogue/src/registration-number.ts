/** DG-<year>-<serial>, the serial padded to six digits and growing past them when needed. */
export function formatRegistrationNumber(year: number, serial: number | bigint | string): string {
  const s = BigInt(serial);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`invalid year ${year}`);
  if (s < 1n) throw new RangeError(`invalid serial ${serial}`);
  return `DG-${year}-${s.toString().padStart(6, '0')}`;
}
