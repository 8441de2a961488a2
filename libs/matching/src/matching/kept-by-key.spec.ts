import { KeptByKey } from './kept-by-key';

describe('KeptByKey', () => {
  it('gives a kept value once', () => {
    const kept = new KeptByKey<number>(2);
    kept.keep('a', 1);
    expect(kept.take('a')).toBe(1);
    expect(kept.take('a')).toBeUndefined();
  });

  it('forgets the oldest beyond its limit, a value kept again counting as new', () => {
    const kept = new KeptByKey<number>(2);
    kept.keep('a', 1);
    kept.keep('b', 2);
    kept.keep('a', 3);
    kept.keep('c', 4);
    expect(kept.take('b')).toBeUndefined();
    expect(kept.take('a')).toBe(3);
    expect(kept.take('c')).toBe(4);
  });

  it('keeps a value peeked at, as new', () => {
    const kept = new KeptByKey<number>(2);
    kept.keep('a', 1);
    kept.keep('b', 2);
    expect(kept.peek('a')).toBe(1);
    kept.keep('c', 3);
    expect(kept.peek('b')).toBeUndefined();
    expect(kept.take('a')).toBe(1);
    expect(kept.peek('x')).toBeUndefined();
  });
});
