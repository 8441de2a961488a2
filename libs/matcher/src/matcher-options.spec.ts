import { DEFAULT_MATCHER_OPTIONS, matcherOptions } from './matcher-options';

describe('matcherOptions', () => {
  it('lists every default field, in the defaults’ order, so that both share one hidden class', () => {
    expect(Object.keys(matcherOptions())).toEqual(Object.keys(DEFAULT_MATCHER_OPTIONS));
    expect(matcherOptions()).toEqual(DEFAULT_MATCHER_OPTIONS);
  });

  it('takes what it is given over the defaults, and keeps the field order', () => {
    const o = matcherOptions({ minQuality: 30, ignoreShares: true });
    expect(o).toEqual({ ...DEFAULT_MATCHER_OPTIONS, minQuality: 30, ignoreShares: true });
    expect(Object.keys(o)).toEqual(Object.keys(DEFAULT_MATCHER_OPTIONS));
  });
});
