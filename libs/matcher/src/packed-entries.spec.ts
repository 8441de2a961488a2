import { random } from '../../fingerprint/test/synthetic-video';
import { entryAt, PackBuilder, PACKED_WORDS, PackedEntries } from './packed-entries';
import { extractBits, substringLayout } from './substrings';

describe('PackedEntries', () => {
  const layout = substringLayout(3);
  const count = 5000;
  const rnd = random(3);
  const words = new Uint32Array(count * PACKED_WORDS);
  // A few hashes repeated, so that some buckets hold many entries.
  for (let e = 0; e < count; e++) {
    const from = e % 7 === 0 && e > 0 ? (e - 7) * PACKED_WORDS : -1;
    words[e * PACKED_WORDS] = from < 0 ? Math.floor(rnd() * 2 ** 32) : words[from];
    words[e * PACKED_WORDS + 1] = from < 0 ? Math.floor(rnd() * 2 ** 32) : words[from + 1];
    words[e * PACKED_WORDS + 2] = e;
  }

  /** Per table and bucket, the entries in it, newest first: what walking a chained table gives. */
  function expected(bits: number): number[][][] {
    return layout.starts.map((start, t) => {
      const buckets: number[][] = Array.from({ length: 1 << bits }, () => []);
      for (let e = count - 1; e >= 0; e--) buckets[extractBits(words[e * PACKED_WORDS], words[e * PACKED_WORDS + 1], start, layout.widths[t]) & ((1 << bits) - 1)].push(e);
      return buckets;
    });
  }

  it.each([
    ['3-byte', 1 << 24, 3],
    ['4-byte', 1000, 4],
  ])('lays every entry out by bucket, newest first, with %s entry numbers', (_name, wideFrom, idBytes) => {
    const packed = PackedEntries.build(words, count, layout, 10, wideFrom);
    expect(packed.idBytes).toBe(idBytes);
    const want = expected(10);
    for (let t = 0; t < layout.count; t++) {
      const got = want[t].map((_, b) => {
        const out: number[] = [];
        for (let i = packed.starts[t][b]; i < packed.starts[t][b + 1]; i++) out.push(entryAt(packed.ids[t], i, packed.idBytes));
        return out;
      });
      expect(got).toEqual(want[t]);
    }
    expect(packed.byteLength).toBe(words.byteLength + layout.count * (4 * ((1 << 10) + 1) + idBytes * count));
  });

  it.each([1, 7, 4999, 5000])('builds in steps of %i entries what it builds at once', (budget) => {
    const whole = PackedEntries.build(words, count, layout, 10);
    const builder = new PackBuilder(words, count, layout, 10);
    let steps = 1;
    let packed = builder.step(budget);
    for (; !packed; steps++) packed = builder.step(budget);
    expect(packed.starts).toEqual(whole.starts);
    expect(packed.ids).toEqual(whole.ids);
    expect(packed.count).toBe(count);
    // Two passes a table, of ceil(count / budget) steps each.
    expect(steps).toBe(layout.count * 2 * Math.ceil(count / budget));
  });

  it('reads entry numbers of every byte, to 2^31 and beyond', () => {
    const ids = new Uint8Array(8);
    ids.set([0x78, 0x56, 0x34, 0x12, 0xff, 0xff, 0xff, 0xff]);
    expect(entryAt(ids, 0, 4)).toBe(0x12345678);
    expect(entryAt(ids, 1, 4)).toBe(0xffffffff);
    expect(entryAt(ids, 1, 3)).toBe(0xffff12);
  });
});
