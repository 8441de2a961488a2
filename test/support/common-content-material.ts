import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeOnce, X264 } from './fixtures';

/**
 * Material for the shared-content spec (docs/FINGERPRINT.md, section 7), cut
 * from the benchmark's dev footage: a series whose episodes all open with the
 * same intro and replay the previous episode's ending, a platform sting that
 * two rights holders' works carry, and clips of each. Built once per machine
 * and reused; bump the version when a recipe changes.
 */
export const REFS_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'bench', 'dev', 'refs');
const DIR = join(tmpdir(), 'dramaguard-common-content-v4');

const SIZE = { width: 270, height: 480 };
const FPS = 25;
const ENCODE = [...X264, '-crf', '28', '-an'];

/** A stretch of one benchmark ref, in seconds, or of an ffmpeg test source. */
type Piece = { readonly ref: string; readonly start: number; readonly seconds: number } | { readonly lavfi: string; readonly seconds: number };

export const SERIES_LENGTH = 20;
export const INTRO_SECONDS = 3;
export const RECAP_SECONDS = 5;
export const OWN_SECONDS = 8;
export const STING_SECONDS = 3;

/**
 * The series intro: a textured stretch of the Sintel trailer (13-16 s; the
 * 10-13 s stretch is mostly black, which would make it low-information).
 */
const INTRO: Piece = { ref: 'sintel_trailer', start: 13, seconds: INTRO_SECONDS };
/** The platform sting: the last, busiest seconds of the Big Buck Bunny opening. */
const STING: Piece = { ref: 'bbb_opening', start: 26, seconds: STING_SECONDS };

const own = (ref: string, start: number): Piece => ({ ref, start, seconds: OWN_SECONDS });

/**
 * Each episode's own 8 s, from a different ref than its neighbours' (so a
 * recap never runs on into the next stretch of the same footage), none
 * overlapping the intro or the sting. The refs hold just about the 160 s of
 * distinct, textured footage that 20 x 8 s need: their black and flat seconds
 * are left out, and so are intel_bottles (a static camera: any two stretches
 * of it match each other, and a recap of it cannot even be placed) and
 * intel_asl_signing after 24 s (the same signer against the same wall: its
 * later stretches match earlier ones).
 */
const SERIES_OWN: readonly Piece[] = [
  own('mdn_toys', 0),
  own('bbb_opening', 2),
  own('sintel_trailer', 1),
  own('webrtc_chrome_clay', 0),
  own('intel_asl_signing', 0),
  own('mdn_toys', 8),
  own('bbb_opening', 10),
  own('sintel_trailer', 19),
  own('webrtc_chrome_clay', 8),
  own('intel_asl_signing', 8),
  own('mdn_toys', 16),
  own('mdn_chroma_talk', 0),
  own('sintel_trailer', 29),
  own('webrtc_chrome_clay', 16),
  own('intel_asl_signing', 16),
  own('mdn_toys', 24),
  own('bbb_opening', 18),
  own('mdn_toys', 32),
  own('sintel_trailer', 37),
  own('mdn_toys', 40),
];
/**
 * Own content after the sting, made by ffmpeg since the refs are used up: a
 * zooming Mandelbrot set (holder A's other work) and a game of life (holder B).
 */
const STUNG_OWN: Record<'holderA' | 'holderB', Piece> = {
  holderA: { lavfi: `mandelbrot=s=${SIZE.width}x${SIZE.height}:r=${FPS}:start_scale=2:end_scale=0.02:end_pts=200`, seconds: OWN_SECONDS },
  holderB: {
    lavfi: `life=s=90x160:r=${FPS}:mold=10:ratio=0.3:seed=42:life_color=#e0c060:death_color=#203050,scale=${SIZE.width}:${SIZE.height}:flags=neighbor`,
    seconds: OWN_SECONDS,
  },
};

/** Series episode n (1-based): intro, the previous episode's last 5 s (none for episode 1), its own 8 s. */
export function seriesPieces(n: number): Piece[] {
  const mine = SERIES_OWN[n - 1];
  if (n === 1) return [INTRO, mine];
  const previous = SERIES_OWN[n - 2] as Piece & { ref: string; start: number };
  return [INTRO, { ref: previous.ref, start: previous.start + OWN_SECONDS - RECAP_SECONDS, seconds: RECAP_SECONDS }, mine];
}

/** Where episode n's own content starts, in episode seconds. */
export function ownStart(n: number): number {
  return n === 1 ? INTRO_SECONDS : INTRO_SECONDS + RECAP_SECONDS;
}

/** The positive control: episode 20's own content from 1 s to 7 s into it (no later episode recaps it). */
export const CONTROL = { episode: SERIES_LENGTH, start: ownStart(SERIES_LENGTH) + 1, seconds: 6 };
/** The episode-7 excerpt: its first 12 s (intro, recap of episode 6, first 4 s of its own), scaled and brightened. */
export const EXCERPT_7 = { episode: 7, start: 0, seconds: 12 };

export interface CommonContentMaterial {
  /** Episodes 1-20 of holder A's series, in order. */
  readonly series: string[];
  /** Sting + own content: an episode of holder A's other work, and one of holder B's work. */
  readonly stungA: string;
  readonly stungB: string;
  readonly clips: {
    readonly sting: string;
    readonly intro: string;
    readonly excerpt7: string;
    readonly black: string;
    readonly fade: string;
    readonly control: string;
  };
}

/** Builds (or finds) every file; fails with a clear message when the benchmark footage is missing. */
export async function commonContentMaterial(): Promise<CommonContentMaterial> {
  const missing = ['sintel_trailer', 'bbb_opening', 'mdn_toys', 'intel_asl_signing', 'webrtc_chrome_clay', 'mdn_chroma_talk'].filter(
    (r) => !existsSync(refPath(r)),
  );
  if (missing.length) {
    const found = existsSync(REFS_DIR) ? readdirSync(REFS_DIR).join(', ') || 'nothing' : 'no such folder';
    throw new Error(
      `the shared-content spec builds its material from the benchmark's dev footage, expected in ${REFS_DIR} ` +
        `(../shared/bench/dev/refs relative to the repository): missing ${missing.map((m) => `${m}.mp4`).join(', ')} (found: ${found})`,
    );
  }
  const series: string[] = [];
  for (let n = 1; n <= SERIES_LENGTH; n++) series.push(await make(`series-ep${String(n).padStart(2, '0')}.mp4`, (out) => concat(seriesPieces(n), out)));
  const stungA = await make('stung-holder-a.mp4', (out) => concat([STING, STUNG_OWN.holderA], out));
  const stungB = await make('stung-holder-b.mp4', (out) => concat([STING, STUNG_OWN.holderB], out));
  const ep7 = series[EXCERPT_7.episode - 1];
  const ep20 = series[CONTROL.episode - 1];
  return {
    series,
    stungA,
    stungB,
    clips: {
      sting: await make('clip-sting.mp4', (out) => concat([STING], out)),
      intro: await make('clip-intro.mp4', (out) => concat([INTRO], out)),
      excerpt7: await make('clip-excerpt-ep7.mp4', (out) => [
        ...['-ss', String(EXCERPT_7.start), '-t', String(EXCERPT_7.seconds), '-i', ep7],
        ...['-vf', 'scale=252:448,eq=brightness=0.05', ...ENCODE, '-crf', '30', out],
      ]),
      black: await make('clip-black.mp4', (out) => ['-f', 'lavfi', '-i', `color=c=black:s=${SIZE.width}x${SIZE.height}:r=${FPS}:d=5`, ...ENCODE, out]),
      fade: await make('clip-fade.mp4', (out) => fadeAndCards(out)),
      control: await make('clip-control-ep20.mp4', (out) => ['-ss', String(CONTROL.start), '-t', String(CONTROL.seconds), '-i', ep20, ...ENCODE, out]),
    },
  };
}

function refPath(ref: string): string {
  return join(REFS_DIR, `${ref}.mp4`);
}

/** The pieces one after the other at the material's size and frame rate, no audio. */
function concat(pieces: readonly Piece[], out: string): string[] {
  const inputs = pieces.flatMap((p) => ('lavfi' in p ? ['-f', 'lavfi', '-t', String(p.seconds), '-i', p.lavfi] : ['-ss', String(p.start), '-t', String(p.seconds), '-i', refPath(p.ref)]));
  const scaled = pieces.map((_, i) => `[${i}:v]fps=${FPS},scale=${SIZE.width}:${SIZE.height},setsar=1,setpts=PTS-STARTPTS[v${i}]`);
  const joined = `${pieces.map((_, i) => `[v${i}]`).join('')}concat=n=${pieces.length}:v=1:a=0[v]`;
  return [...inputs, '-filter_complex', [...scaled, joined].join(';'), '-map', '[v]', ...ENCODE, out];
}

/** Black fading to grey, flat red and blue cards, grey fading to black: 6 s without a frame of detail. */
function fadeAndCards(out: string): string[] {
  const card = (colour: string, seconds: number) => ['-f', 'lavfi', '-i', `color=c=${colour}:s=${SIZE.width}x${SIZE.height}:r=${FPS}:d=${seconds}`];
  return [
    ...card('0x808080', 2),
    ...card('0xc03030', 1),
    ...card('0x3050c0', 1),
    ...card('0x808080', 2),
    '-filter_complex',
    '[0:v]fade=t=in:st=0:d=2[a];[3:v]fade=t=out:st=0:d=2[d];[a][1:v][2:v][d]concat=n=4:v=1:a=0[v]',
    '-map',
    '[v]',
    ...ENCODE,
    out,
  ];
}

function make(name: string, args: (out: string) => string[]): Promise<string> {
  return makeOnce(DIR, name, args);
}
