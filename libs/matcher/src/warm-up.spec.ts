import { warmUp } from './warm-up';

describe('warmUp', () => {
  it('finds its synthetic episode in the mirrored, cropped copy, through verification', () => {
    expect(warmUp(1)).toEqual(['warm-up']);
  });
});
