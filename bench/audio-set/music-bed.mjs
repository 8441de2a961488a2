// Synthesised music beds: chord pads, a bass line, a plucked arpeggio and a
// little filtered noise, from ffmpeg's aevalsrc and anoisesrc. They stand in
// for the stock music that uploaders lay under a copied episode (music_bed),
// put in place of its sound (picture_sound_replaced) or post on their own
// (neg_music). Chord music has strong chroma, which is what Chromaprint hashes,
// so a bed is a hard "other sound", not an easy one.
import { ffmpeg } from './ffmpeg-tools.mjs';
import { r2 } from './prng.mjs';

export const BED_SECONDS = 40;

const SCALES = { major: [0, 2, 4, 5, 7, 9, 11], minor: [0, 2, 3, 5, 7, 8, 10] };
// Scale-degree progressions (0 = tonic) of four chords, the usual pop ones.
const PROGRESSIONS = [[0, 4, 5, 3], [5, 3, 0, 4], [0, 5, 3, 4], [0, 3, 4, 0], [1, 4, 0, 5], [0, 2, 3, 4]];
const ARPEGGIOS = [[0, 1, 2, 1], [0, 2, 1, 2], [2, 1, 0, 1], [0, 1, 2, 3]];
const NOISES = ['pink', 'white', 'brown'];

/** All of a bed's randomness, drawn while planning. */
export function planBed(rng, id) {
  return {
    id,
    root: r2(rng.uni(98, 196)), // G2..G3
    mode: rng.pick(Object.keys(SCALES)),
    progression: rng.pick(PROGRESSIONS),
    arpeggio: rng.pick(ARPEGGIOS),
    bpm: Math.round(rng.uni(72, 128)),
    noise: rng.pick(NOISES),
    noiseAmp: r2(rng.uni(0.01, 0.04)),
    noiseSeed: rng.int(1, 1_000_000),
  };
}

/** Frequency of scale step `step` (may exceed the octave) above the root. */
function freq(bed, step) {
  const scale = SCALES[bed.mode];
  const semis = scale[step % 7] + 12 * Math.floor(step / 7);
  return r2(bed.root * 2 ** (semis / 12));
}

/**
 * The aevalsrc expression: four chords of one bar (4 beats) each, looped.
 * Nested if()s, not sums of windows: ffmpeg's evaluator only computes the
 * branch taken, which makes a bed about 5 times quicker to render.
 */
export function bedExpression(bed) {
  const b = 60 / bed.bpm;
  const bar = 4 * b;
  const x = `mod(t,${(4 * bar).toFixed(4)})`;
  const sin = (f) => `sin(2*PI*${f}*t)`;
  // if(lt(x,e1),v1,if(lt(x,e2),v2,...vN)) over consecutive windows of width w
  const chain = (values, w) => values.reduceRight((rest, v, k) => (k === values.length - 1 ? v : `if(lt(${x},${((k + 1) * w).toFixed(4)}),${v},${rest})`), '');
  const pads = bed.progression.map((deg) => {
    const [f1, f2, f3] = [deg, deg + 2, deg + 4].map((s) => freq(bed, s + 7));
    return `0.05*(${sin(f1)}+${sin(f2)}+${sin(f3)})+0.08*${sin(freq(bed, deg))}`;
  });
  const plucks = Array.from({ length: 16 }, (_, j) => sin(freq(bed, bed.progression[Math.floor(j / 4)] + 2 * bed.arpeggio[j % 4] + 14)));
  const beat = `mod(t,${b.toFixed(4)})`;
  return `(${chain(pads, bar)})*(0.55+0.45*exp(-2*${beat}))+0.07*exp(-6*${beat})*(${chain(plucks, b)})`;
}

/** Renders a bed to a 44.1 kHz stereo WAV of BED_SECONDS (the tones are computed once, in mono). */
export function renderBed(bed, file) {
  const expr = bedExpression(bed);
  ffmpeg([
    '-f', 'lavfi', '-i', `aevalsrc='${expr}':s=44100:d=${BED_SECONDS}:c=mono`,
    '-f', 'lavfi', '-i', `anoisesrc=c=${bed.noise}:a=${bed.noiseAmp}:seed=${bed.noiseSeed}:d=${BED_SECONDS}:r=44100`,
    // the noise is the "hi-hat" layer: high-passed so it reads as texture, not hiss over the chords
    '-filter_complex', '[0:a]aformat=channel_layouts=stereo[c];[1:a]highpass=f=4000,aformat=channel_layouts=stereo[n];[c][n]amix=inputs=2:normalize=0[m]',
    '-map', '[m]', '-c:a', 'pcm_s16le', file,
  ], `bed ${bed.id}`);
}
