export * from './beside-search';
export * from './hash-index';
export * from './hash-index.types';
export * from './id-table';
export * from './key-frames';
export * from './shared-content';
export * from './substrings';
