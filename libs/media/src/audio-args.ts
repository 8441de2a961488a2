import type { SpeedCorrection } from '@dramaguard/audio';

/** Chromaprint works at this rate whatever it is given; resampling once up front spares it per output. */
const PRINT_RATE = 11025;
/** Enough to tell sound from silence; 8 kB per second of PCM written beside the prints. */
export const LEVEL_RATE = 4000;

export interface AudioOutput {
  readonly file: string;
  readonly options: string[];
}

/**
 * One ffmpeg run that decodes the first audio stream once and writes a raw
 * Chromaprint per speed correction plus 16-bit mono PCM for the levels.
 * A tempo change is undone with atempo (pitch kept), a resampling by
 * declaring the samples slower (asetrate) and resampling back.
 */
export function audioPrintGraph(corrections: readonly SpeedCorrection[], file: (name: string) => string): { filter: string; outputs: AudioOutput[] } {
  if (!corrections.length) throw new RangeError('at least one speed correction is needed');
  for (const c of corrections) if (!(c.speed >= 0.5 && c.speed <= 2)) throw new RangeError(`speed correction ${c.speed} is outside 0.5–2`);
  const labels = corrections.map((_, i) => `c${i}`);
  const chains = corrections.map((c, i) => `[c${i}]${correctionFilter(c)}[p${i}]`);
  const filter = [`[0:a:0]aformat=sample_fmts=s16:channel_layouts=mono,aresample=${PRINT_RATE},asplit=${corrections.length + 1}[lv]${labels.map((l) => `[${l}]`).join('')}`, `[lv]aresample=${LEVEL_RATE}[level]`, ...chains].join(';');
  const outputs = corrections.map((_, i) => ({ file: file(`print-${i}.raw`), options: ['-map', `[p${i}]`, '-f', 'chromaprint', '-fp_format', 'raw', '-algorithm', '1'] }));
  outputs.push({ file: file('level.pcm'), options: ['-map', '[level]', '-f', 's16le', '-acodec', 'pcm_s16le'] });
  return { filter, outputs };
}

function correctionFilter(c: SpeedCorrection): string {
  if (c.speed === 1) return 'anull';
  const factor = (1 / c.speed).toFixed(6);
  return c.pitchChanged ? `asetrate=${PRINT_RATE}*${factor},aresample=${PRINT_RATE}` : `atempo=${factor}`;
}
