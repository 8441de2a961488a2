// The region hash's arithmetic in WebAssembly (AssemblyScript, compiled by
// `npm run build:wasm` into libs/fingerprint/src/region-kernel-binary.ts).
// Every value is computed by the same IEEE operations in the same order as the
// TypeScript it replaced, so the bits are those registrations were hashed
// with; SIMD lanes only run two columns (or two frequencies) side by side.
// The memory's layout is in layout.ts.

import { BASIS, COEF, GRID, WORDS } from './layout';
import { bits, dct, gridDetail } from './grid-hash';
import { resample, resampleTurned } from './resample';

export { buildTable } from './summed-area';
export { bits, dct, gridDetail, prepare } from './grid-hash';
export { resample, resampleTurned } from './resample';

export function basisAt(): usize {
  return BASIS;
}

export function gridAt(): usize {
  return GRID;
}

export function coefficientsAt(): usize {
  return COEF;
}

export function wordsAt(): usize {
  return WORDS;
}

/** One axis-aligned region hashed: bits by `mode` into WORDS; returns gridDetail. */
export function hashRect(table: usize, w: i32, h: i32, x0: f64, y0: f64, x1: f64, y1: f64, mode: i32): f64 {
  resample(table, w, h, x0, y0, x1, y1);
  dct();
  bits(mode);
  return gridDetail();
}

/** One turned region hashed (resampleTurned's arguments): bits by `mode` into WORDS; returns gridDetail. */
export function hashTurned(table: usize, w: i32, h: i32, x0: f64, y0: f64, x1: f64, y1: f64, cos: f64, sin: f64, mode: i32): f64 {
  resampleTurned(table, w, h, x0, y0, x1, y1, cos, sin);
  dct();
  bits(mode);
  return gridDetail();
}
