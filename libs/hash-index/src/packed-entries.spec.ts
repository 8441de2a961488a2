import { random } from '../../fingerprint/test/synthetic-video';
import { CHECK_SLACK, checkOf, checkPasses, entryAt, NO_CHECK, PackBuilder, PACKED_WORDS, PackedEntries, WORD_CHUNK_BITS, WORD_CHUNK_BYTES, WORD_CHUNK_MASK, wordChunks } from './packed-entries';
import { extractBits, substringLayout } from './substrings';

describe('PackedEntries', () => {
  const layout = substringLayout(3);
  // Across a chunk of words.
  const count = (1 << WORD_CHUNK_BITS) + 5000;
  const rnd = random(3);
  const words = wordChunks(count);
  const word = (e: number, w: number): number => words[e >>> WORD_CHUNK_BITS][(e & WORD_CHUNK_MASK) * PACKED_WORDS + w];
  // A few hashes repeated, so that some buckets hold many entries.
  for (let e = 0; e < count; e++) {
    const chunk = words[e >>> WORD_CHUNK_BITS];
    const at = (e & WORD_CHUNK_MASK) * PACKED_WORDS;
    const repeat = e % 7 === 0 && e > 0;
    chunk[at] = repeat ? word(e - 7, 0) : Math.floor(rnd() * 2 ** 32);
    chunk[at + 1] = repeat ? word(e - 7, 1) : Math.floor(rnd() * 2 ** 32);
    chunk[at + 2] = e;
  }

  /** Per table and bucket, the entries in it, newest first: what walking a chained table gives. */
  function expected(bits: number): number[][][] {
    return layout.starts.map((start, t) => {
      const buckets: number[][] = Array.from({ length: 1 << bits }, () => []);
      for (let e = count - 1; e >= 0; e--) buckets[extractBits(word(e, 0), word(e, 1), start, layout.widths[t]) & ((1 << bits) - 1)].push(e);
      return buckets;
    });
  }

  it.each([
    ['3-byte', 1 << 24, 3],
    ['4-byte', 1 << 19, 4],
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
      for (let i = 0; i < count; i++) {
        const e = entryAt(packed.ids[t], i, packed.idBytes);
        if (packed.checks[t][i] !== checkOf(word(e, 0), word(e, 1), layout, t)) throw new Error(`table ${t}, place ${i}: check of entry ${e} is ${packed.checks[t][i]}`);
      }
    }
    // A bucket start a bucket, an entry number and a check byte an entry, per table.
    expect(packed.byteLength).toBe(2 * WORD_CHUNK_BYTES + layout.count * (4 * ((1 << 10) + 1) + (idBytes + 1) * count));
  });

  it.each([7, 4999, count])('builds in steps of %i entries what it builds at once', (budget) => {
    const whole = PackedEntries.build(words, count, layout, 10);
    const builder = new PackBuilder(words, count, layout, 10);
    let steps = 1;
    let packed = builder.step(budget);
    for (; !packed; steps++) packed = builder.step(budget);
    expect(packed.starts).toEqual(whole.starts);
    expect(packed.ids).toEqual(whole.ids);
    expect(packed.checks).toEqual(whole.checks);
    expect(packed.count).toBe(count);
    // Two passes a table, of ceil(count / budget) steps each.
    expect(steps).toBe(layout.count * 2 * Math.ceil(count / budget));
  });

  it('keeps the chunks it is given and adds zeroed ones up to the count', () => {
    const kept = wordChunks(10);
    kept[0][0] = 42;
    const grown = wordChunks((1 << WORD_CHUNK_BITS) + 1, kept);
    expect(grown).toHaveLength(2);
    expect(grown[0]).toBe(kept[0]);
    expect(grown[1].every((w) => w === 0)).toBe(true);
    expect(wordChunks(0)).toEqual([]);
  });

  it("checks a table's entry on the first 8 bits of the next substring, passing up to the slack", () => {
    // Substrings of bits 0-21, 22-42 and 43-63: table 0's check is bits 22-29, table 1's 43-50, table 2's 0-7.
    expect(checkOf(0x3fc00000, 0, layout, 0)).toBe(0xff);
    expect(checkOf(0, 0x7f800, layout, 1)).toBe(0xff);
    expect(checkOf(0xa5, 0xffffffff, layout, 2)).toBe(0xa5);
    expect(checkPasses(0b1011_0000, 0b0000_0000, CHECK_SLACK)).toBe(true);
    expect(checkPasses(0b1011_0001, 0b0000_0000, CHECK_SLACK)).toBe(false);
    expect(checkPasses(0xff, 0x00, NO_CHECK)).toBe(true);
  });

  it('reads entry numbers of every byte, to 2^31 and beyond', () => {
    const ids = new Uint8Array(8);
    ids.set([0x78, 0x56, 0x34, 0x12, 0xff, 0xff, 0xff, 0xff]);
    expect(entryAt(ids, 0, 4)).toBe(0x12345678);
    expect(entryAt(ids, 1, 4)).toBe(0xffffffff);
    expect(entryAt(ids, 1, 3)).toBe(0xffff12);
  });
});
