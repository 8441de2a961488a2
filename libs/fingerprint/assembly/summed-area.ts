// A frame's summed-area table, built once per frame and read by every region hashed over it.

/**
 * Summed-area table, (w + 1) x (h + 1) 32-bit sums, of the w x h bytes at
 * `src`. Four pixels at a time: their running sums within the row by two
 * shifted adds, plus the row's sum so far, plus the row above. The sums are
 * whole numbers below 2^31, so the order of the adds changes nothing.
 */
export function buildTable(src: usize, table: usize, w: i32, h: i32): void {
  const stride = <usize>(w + 1) << 2;
  memory.fill(table, 0, stride);
  const zero = i32x4.splat(0);
  const quads = w & ~3;
  for (let y = 0; y < h; y++) {
    const from = src + <usize>(y * w);
    const dst = table + <usize>(y + 1) * stride;
    const above = dst - stride;
    store<i32>(dst, 0);
    let carry = zero;
    for (let x = 0; x < quads; x += 4) {
      let v = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(from + <usize>x)));
      v = i32x4.add(v, v128.shuffle<i32>(zero, v, 0, 4, 5, 6));
      v = i32x4.add(v, v128.shuffle<i32>(zero, v, 0, 0, 4, 5));
      v = i32x4.add(v, carry);
      carry = v128.shuffle<i32>(v, v, 3, 3, 3, 3);
      const at = <usize>(x + 1) << 2;
      v128.store(dst + at, i32x4.add(v, v128.load(above + at)));
    }
    let row = i32x4.extract_lane(carry, 0);
    for (let x = quads; x < w; x++) {
      row += <i32>load<u8>(from + <usize>x);
      const at = <usize>(x + 1) << 2;
      store<i32>(dst + at, load<i32>(above + at) + row);
    }
  }
}
