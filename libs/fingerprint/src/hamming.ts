/** Number of set bits in a 32-bit word. */
export function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Hamming distance between the 64-bit hashes stored as word pairs at `i` in `a` and `j` in `b`. */
export function hamming64(a: Uint32Array, i: number, b: Uint32Array, j: number): number {
  return popcount32(a[2 * i] ^ b[2 * j]) + popcount32(a[2 * i + 1] ^ b[2 * j + 1]);
}
