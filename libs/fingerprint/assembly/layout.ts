// Where the kernel's scratch lies: below 65536, under the module's own data
// (built with --memoryBase 65536) and the host's frame buffer and tables (from 131072).

export const N: i32 = 32; // HASH_GRID
export const K: i32 = 8; // HASH_FREQS
export const HALF: i32 = 16;

export const BASIS: usize = 1024; // K x N cosines, written by the host (Math.cos)
export const BASIS_PAIRS: usize = BASIS + 2048; // rows (a, a + 2) interleaved by column
export const GRID: usize = BASIS_PAIRS + 2048; // N x N cell means
export const SUMS: usize = GRID + 8192;
export const DIFFS: usize = SUMS + 4096;
export const TMP: usize = DIFFS + 4096;
export const ROW_SUMS: usize = TMP + 2048;
export const ROW_DIFFS: usize = ROW_SUMS + 128;
export const COEF: usize = ROW_DIFFS + 128; // K x K, row = vertical frequency
export const FLIPPED: usize = COEF + 512;
export const SORTED: usize = FLIPPED + 512;
export const CORNERS: usize = SORTED + 512; // (N + 1)^2
export const X_POS: usize = CORNERS + 8720;
export const Y_POS: usize = X_POS + 272;
export const X_CELL: usize = Y_POS + 272;
export const Y_CELL: usize = X_CELL + 128;
export const X_SIZE: usize = Y_CELL + 128;
export const X_INDEX: usize = X_SIZE + 256;
export const X_FRACTION: usize = X_INDEX + 136;
export const WORDS: usize = X_FRACTION + 272; // plain lo, hi, mirrored lo, hi
