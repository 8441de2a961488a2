// One ffmpeg run per query: the picture track and the sound track of the plan
// (plan-queries.mjs) built as one filter graph, then H.264 + AAC. Every piece
// is cut with an input seek plus an exact trim, as ../shared/bench/generate.mjs
// does, so the truth's times hold to a frame / an AAC packet.
import { existsSync } from 'node:fs';
import { ffmpeg, loudness } from './ffmpeg-tools.mjs';
import { outDur } from './plan-queries.mjs';
import { r2, r3 } from './prng.mjs';

const FPS = 30;
const RATE = 44100;
const even = (x) => 2 * Math.round(x / 2);
const AUDIO_FORMAT = `aresample=${RATE},aformat=sample_fmts=fltp:channel_layouts=stereo`;

class Graph {
  args = [];
  chains = [];
  inputs = 0;
  labels = 0;
  input(...args) {
    this.args.push(...args);
    return this.inputs++;
  }
  label(prefix) {
    return `${prefix}${++this.labels}`;
  }
  add(chain) {
    this.chains.push(chain);
  }
  /** Concatenates same-format labels of one kind into one. */
  concat(labels, kind) {
    const out = this.label(kind);
    if (labels.length === 1) this.add(`[${labels[0]}]${kind === 'v' ? 'null' : 'anull'}[${out}]`);
    else this.add(`${labels.map((l) => `[${l}]`).join('')}concat=n=${labels.length}:v=${kind === 'v' ? 1 : 0}:a=${kind === 'v' ? 0 : 1}[${out}]`);
    return out;
  }
}

/**
 * ctx: {refFile(name), distractorFile(id), bedFile(id), coverFile(src, at)}.
 * Returns what was measured while rendering (the music bed's gain), for the truth's params.
 */
export function renderQuery(q, ctx, outFile) {
  const g = new Graph();
  const [W, H] = q.size;
  const measured = {};
  const v = pictureTrack(g, ctx, q.picture, W, H);
  const a = soundTrack(g, ctx, q.sound, measured);
  const total = r3(q.sound.reduce((s, p) => s + outDur(p), 0));
  g.add(`[${v}]trim=duration=${total},format=yuv420p[vout]`);
  g.add(`[${a}]atrim=duration=${total}[aout]`);
  ffmpeg([
    ...g.args,
    '-filter_complex', g.chains.join(';'),
    '-map', '[vout]', '-map', '[aout]',
    '-c:v', 'libx264', '-preset', 'fast', '-crf', String(q.crf), '-g', '90',
    '-c:a', 'aac', '-b:a', `${q.audio.kbps}k`, '-ar', String(RATE), '-ac', String(q.audio.channels),
    '-movflags', '+faststart', outFile,
  ], q.name);
  return measured;
}

// Scale to cover W×H and centre-crop: distractors come in every shape.
const fill = (W, H) => `scale=${W}:${H}:force_original_aspect_ratio=increase,crop=${W}:${H},setsar=1`;

function pictureTrack(g, ctx, pieces, W, H) {
  return g.concat(pieces.map((p) => picturePiece(g, ctx, p, W, H)), 'v');
}

function picturePiece(g, ctx, p, W, H) {
  const out = g.label('v');
  const dur = r3(outDur(p));
  if (p.kind === 'cover') {
    const i = g.input('-loop', '1', '-framerate', String(FPS), '-t', String(dur), '-i', ctx.coverFile(p.src, p.at));
    g.add(`[${i}:v]${fill(W, H)},format=yuv420p,trim=duration=${dur},setpts=PTS-STARTPTS[${out}]`);
    return out;
  }
  if (p.kind === 'distractor') {
    const i = g.input('-ss', String(p.start), '-t', String(r3(p.dur + 0.5)), '-i', ctx.distractorFile(p.src));
    g.add(`[${i}:v]trim=duration=${p.dur},setpts=PTS-STARTPTS,fps=${FPS},${fill(W, H)},format=yuv420p[${out}]`);
    return out;
  }
  // a piece of a registered episode (540x960, so the 9:16 sizes need no crop)
  const i = g.input('-ss', String(p.start), '-t', String(r3(p.dur + 0.5)), '-i', ctx.refFile(p.ref));
  let chain = `[${i}:v]trim=duration=${p.dur},setpts=PTS-STARTPTS`;
  if (p.speed) chain += `,setpts=PTS/${p.speed}`;
  const e = p.edit;
  if (e?.op === 'crop') chain += `,crop=iw*${r3(1 - e.fx)}:ih*${r3(1 - e.fy)}:iw*${e.fx}*${e.ox}:ih*${e.fy}*${e.oy}`;
  if (e?.op === 'pip') {
    // the episode as a small inset in a corner of unrelated footage (with a thin frame, as editors do)
    const fw = even(W * e.scale), fh = even(H * e.scale), m = even(W * 0.04);
    const x = e.corner.includes('l') ? m : W - fw - m;
    const y = e.corner.includes('t') ? m : H - fh - m;
    const fg = g.label('fg');
    g.add(`${chain},fps=${FPS},scale=${fw}:${fh},setsar=1,drawbox=x=0:y=0:w=iw:h=ih:color=white@0.9:t=2,format=yuv420p[${fg}]`);
    const bg = pictureTrack(g, ctx, e.bg, W, H);
    g.add(`[${bg}][${fg}]overlay=${x}:${y}:shortest=1,format=yuv420p,trim=duration=${dur}[${out}]`);
    return out;
  }
  g.add(`${chain},fps=${FPS},scale=${W}:${H},setsar=1,format=yuv420p,trim=duration=${dur}[${out}]`);
  return out;
}

function soundTrack(g, ctx, pieces, measured) {
  return g.concat(pieces.map((p) => soundPiece(g, ctx, p, measured)), 'a');
}

/** Every sound piece ends padded/trimmed to its exact length, so the pieces after it keep their times. */
function soundPiece(g, ctx, p, measured) {
  const out = g.label('a');
  const dur = r3(outDur(p));
  const exact = `apad=whole_dur=${dur},atrim=duration=${dur},asetpts=PTS-STARTPTS`;
  switch (p.kind) {
    case 'silence': {
      const i = g.input('-f', 'lavfi', '-t', String(dur), '-i', `anullsrc=r=${RATE}:cl=stereo`);
      g.add(`[${i}:a]${AUDIO_FORMAT},${exact}[${out}]`);
      return out;
    }
    case 'noise': {
      const i = g.input('-f', 'lavfi', '-t', String(dur), '-i', `anoisesrc=c=${p.color}:a=${p.amp}:seed=${p.seed}:r=${RATE}`);
      g.add(`[${i}:a]${AUDIO_FORMAT},${exact}[${out}]`);
      return out;
    }
    case 'bed': {
      const i = g.input('-ss', String(p.start), '-t', String(r3(dur + 0.5)), '-i', ctx.bedFile(p.bed));
      g.add(`[${i}:a]${AUDIO_FORMAT},${exact}[${out}]`);
      return out;
    }
    case 'distractor': {
      // distractor sounds are 3–10 s long: looped, with timestamps renumbered so the loop joins are seamless for atrim
      const i = g.input('-stream_loop', '-1', '-ss', String(p.start), '-i', ctx.distractorFile(p.src));
      g.add(`[${i}:a]asetpts=N/SR/TB,${AUDIO_FORMAT},${exact}[${out}]`);
      return out;
    }
  }
  // a piece of a registered episode's sound
  const i = g.input('-ss', String(p.start), '-t', String(r3(p.dur + 0.5)), '-i', ctx.refFile(p.ref));
  let chain = `[${i}:a]atrim=duration=${p.dur},asetpts=PTS-STARTPTS,${AUDIO_FORMAT}`;
  if (p.speed?.method === 'tempo') chain += `,atempo=${p.speed.factor}`;
  // resampling without pitch correction: played faster and higher, like a sped-up tape
  if (p.speed?.method === 'pitch') chain += `,asetrate=${Math.round(RATE * p.speed.factor)},aresample=${RATE}`;
  if (p.gain_db !== undefined) {
    chain += `,volume=${p.gain_db}dB`;
    // a louder copy is limited, not clipped, as any editor's export would be
    if (p.gain_db > 0) chain += ',alimiter=limit=0.95:level=0:latency=1';
  }
  if (!p.bed) {
    g.add(`${chain},${exact}[${out}]`);
    return out;
  }
  // music laid under the episode's sound at rel_db below its mean level (both measured, volumedetect)
  const refLevel = loudness(ctx.refFile(p.ref), p.start, p.dur).mean;
  const bedLevel = loudness(ctx.bedFile(p.bed.bed), p.bed.start, dur).mean;
  const gain = r2(refLevel + p.bed.rel_db - bedLevel);
  Object.assign(measured, { ref_mean_db: refLevel, bed_mean_db: bedLevel, bed_gain_db: gain });
  const main = g.label('am');
  const bed = g.label('ab');
  g.add(`${chain},${exact}[${main}]`);
  const j = g.input('-ss', String(p.bed.start), '-t', String(r3(dur + 0.5)), '-i', ctx.bedFile(p.bed.bed));
  g.add(`[${j}:a]${AUDIO_FORMAT},${exact},volume=${gain}dB[${bed}]`);
  g.add(`[${main}][${bed}]amix=inputs=2:duration=first:normalize=0[${out}]`);
  return out;
}

/** The still cover of a distractor at `at` seconds, extracted once into the work folder. */
export function extractCover(source, at, file) {
  if (!existsSync(file)) ffmpeg(['-ss', String(at), '-i', source, '-frames:v', '1', '-update', '1', file], `cover ${file}`);
  return file;
}
