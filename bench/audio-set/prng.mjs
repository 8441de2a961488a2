// The seeded PRNG of ../shared/bench/generate.mjs (mulberry32 behind the same
// seed mixing), copied because that file runs its main() when imported. Every
// random draw of the audio set goes through one Rng while planning, so a seed
// gives the same plan on every machine.
function mulberry32(seed) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  constructor(seed) {
    this.r = mulberry32(seed * 2654435761 + 12345);
  }
  next() {
    return this.r();
  }
  uni(a, b) {
    return a + (b - a) * this.next();
  }
  /** Inclusive on both ends. */
  int(a, b) {
    return Math.floor(this.uni(a, b + 1));
  }
  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  shuffle(arr) {
    const x = arr.slice();
    for (let i = x.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [x[i], x[j]] = [x[j], x[i]];
    }
    return x;
  }
}

export const r2 = (x) => Math.round(x * 100) / 100;
export const r3 = (x) => Math.round(x * 1000) / 1000;
