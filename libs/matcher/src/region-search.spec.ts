import { worstFirst } from './region-search';

describe('worstFirst', () => {
  it('puts the frames matched worst first, those of too little detail last, ties in sample order', () => {
    expect(worstFirst([10, 20, 30, 40, 50], Int8Array.from([3, -1, 9, 3, 0]))).toEqual([30, 10, 40, 50, 20]);
  });
});
