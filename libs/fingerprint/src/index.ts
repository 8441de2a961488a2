import { hamming64 as hamming64Of, popcount32 as popcount32Of } from './hamming';

export * from './active-region';
export * from './dct-hash';
export * from './fingerprint';
export * from './fingerprint-codec';
export * from './frame-quality';
export * from './grey-frame';
export * from './region-hasher';
export * from './region-kernel';
export * from './hypotheses';
export * from './inset-picture';

// Re-exported as values, not through `export *`, which compiles to a getter per
// name: the search, verification and key-frame loops call these for every word
// they compare, and a getter call there cost the index search a quarter of its
// time (docs/BENCHMARK.md, section 45).
export const popcount32 = popcount32Of;
export const hamming64 = hamming64Of;
