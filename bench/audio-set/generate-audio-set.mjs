#!/usr/bin/env node
// Builds the audio evaluation set: the dev episodes that have a real
// soundtrack, and queries that copy their sound (under other pictures, sped
// up, under music, quieter/louder and mono), their picture with other sound,
// and negatives with other speech, music or silence. Same layout and truth
// format as ../shared/bench/dev (refs/, queries/, refs.json, truth.json), so
// `node scripts/bench.mjs DIR` and ../shared/bench/score.mjs take it as they are.
//
// usage: node bench/audio-set/generate-audio-set.mjs [OUT_DIR] [--seed N] [--shared DIR] [--plan-only]
//   OUT_DIR   default bench/out/audio-set (git-ignored)
//   --shared  the shared benchmark folder, default ../shared/bench (read only)
//   --plan-only  write truth.json from the plan without rendering (durations approximate)
// Node >= 20, ffmpeg + ffprobe on PATH, no npm packages. ffmpeg runs one at a time.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loudness, probe } from './ffmpeg-tools.mjs';
import { BED_SECONDS, renderBed } from './music-bed.mjs';
import { planSet, queryLength, truthSegments } from './plan-queries.mjs';
import { r3, Rng } from './prng.mjs';
import { extractCover, renderQuery } from './render-query.mjs';
import { DEFAULT_SEED, DEFAULT_SET_DIR, removeStamp, ROOT, writeStamp } from './set-stamp.mjs';

// Below this mean level a track is the silent one the shared generator gives footage without sound (-91 dB).
const SILENT_DB = -60;

function parseArgs(argv) {
  const a = { out: DEFAULT_SET_DIR, seed: DEFAULT_SEED, shared: resolve(ROOT, '../shared/bench'), planOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) throw new Error(`missing value for ${k}`);
      return argv[++i];
    };
    if (k === '--seed') a.seed = Number(v());
    else if (k === '--shared') a.shared = resolve(v());
    else if (k === '--plan-only') a.planOnly = true;
    else if (k.startsWith('-')) throw new Error(`unknown argument ${k}`);
    else a.out = resolve(k);
  }
  if (!Number.isInteger(a.seed)) throw new Error('--seed must be an integer');
  return a;
}

/** The dev episodes, each with its measured loudness; only those with a real soundtrack are registered here. */
function soundRefs(shared) {
  const dev = JSON.parse(readFileSync(join(shared, 'dev', 'refs.json'), 'utf8'));
  const refs = dev.refs.map((r) => {
    const file = join(shared, 'dev', r.file);
    return { ...r, path: file, duration: probe(file).duration, level: loudness(file) };
  });
  return { kept: refs.filter((r) => r.level.mean > SILENT_DB), dropped: refs.filter((r) => r.level.mean <= SILENT_DB) };
}

/**
 * Unregistered footage from the sources folder (role "distractor"). Its own
 * sound is classed by the manifest's description, and kept only if it is not silent.
 */
function distractors(shared) {
  const manifest = JSON.parse(readFileSync(join(shared, 'sources', 'sources.json'), 'utf8'));
  return manifest.sources
    .filter((s) => s.role === 'distractor')
    .map((s) => {
      const file = join(shared, 'sources', s.file);
      const info = probe(file);
      const level = info.audio ? loudness(file) : { mean: -91, max: -91 };
      const sound = level.mean <= SILENT_DB ? null : /dialogue|speech/.test(s.kind) ? 'speech' : /music/.test(s.kind) ? 'music' : 'ambience';
      return { id: s.id, path: file, duration: info.duration, sound, level, kind: s.kind, license: s.license };
    });
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const out = args.out;
  const work = join(out, '.work');
  mkdirSync(out, { recursive: true });
  removeStamp(out);
  for (const d of ['refs', 'queries', '.work']) rmSync(join(out, d), { recursive: true, force: true });
  for (const d of ['refs', 'queries', '.work']) mkdirSync(join(out, d), { recursive: true });

  const { kept, dropped } = soundRefs(args.shared);
  const dis = distractors(args.shared);
  if (kept.length < 2) throw new Error('need at least 2 dev episodes with sound');
  for (const s of ['speech', 'music', 'ambience']) if (!dis.some((d) => d.sound === s)) throw new Error(`no distractor with ${s}`);
  process.stderr.write(`refs with sound: ${kept.map((r) => `${r.name} (${r.level.mean} dB)`).join(', ')}\n`);
  process.stderr.write(`left out (silent): ${dropped.map((r) => r.name).join(', ') || 'none'}\n`);

  // The episodes are copied, not linked: the set stays whole if ../shared moves.
  for (const r of kept) copyFileSync(r.path, join(out, 'refs', `${r.name}.mp4`));
  const refFile = (name) => join(out, 'refs', `${name}.mp4`);

  const rng = new Rng(args.seed);
  const { beds, queries } = planSet(rng, {
    refs: kept.map((r) => ({ name: r.name, duration: Math.floor((r.duration - 0.05) * 1000) / 1000 })),
    distractors: dis.map((d) => ({ id: d.id, duration: d.duration })),
    distractorSounds: dis.filter((d) => d.sound).map((d) => ({ id: d.id, duration: d.duration, sound: d.sound })),
  });
  process.stderr.write(`seed ${args.seed}: ${queries.length} queries (${queries.filter((q) => q.positive).length} positive), ${beds.length} music beds\n`);

  const measured = new Map();
  if (!args.planOnly) {
    for (const b of beds) renderBed(b, join(work, `${b.id}.wav`));
    const ctx = {
      refFile,
      distractorFile: (id) => dis.find((d) => d.id === id).path,
      bedFile: (id) => join(work, `${id}.wav`),
      coverFile: (src, at) => extractCover(dis.find((d) => d.id === src).path, at, join(work, `cover-${src}-${at}.png`)),
    };
    queries.forEach((q, k) => {
      const t = Date.now();
      measured.set(q.name, renderQuery(q, ctx, join(out, 'queries', `${q.name}.mp4`)));
      process.stderr.write(`  ${q.name} ${q.family.padEnd(22)} ${queryLength(q).toFixed(1).padStart(5)} s  ${((Date.now() - t) / 1000).toFixed(1)} s  (${k + 1}/${queries.length})\n`);
    });
  }

  const truth = queries.map((q) => ({
    query: q.name,
    file: `queries/${q.name}.mp4`,
    positive: q.positive,
    family: q.family,
    transform: [q.family, ...q.tags.filter((t) => t !== q.family)],
    duration: args.planOnly ? queryLength(q) : r3(probe(join(out, 'queries', `${q.name}.mp4`)).duration),
    segments: q.positive ? truthSegments(q) : [],
    params: {
      picture: q.picture,
      sound: q.sound,
      size: q.size,
      crf: q.crf,
      audio: q.audio,
      ...(measured.get(q.name) && Object.keys(measured.get(q.name)).length ? { measured: measured.get(q.name) } : {}),
    },
  }));
  for (const t of truth) if (t.positive && !t.segments.length) throw new Error(`${t.query}: a positive without a segment`);
  writeFileSync(join(out, 'truth.json'), JSON.stringify(truth, null, 1) + '\n');
  writeFileSync(join(out, 'refs.json'), JSON.stringify({
    profile: 'audio',
    seed: args.seed,
    geometry: '540x960@30',
    note: 'The dev episodes with a real soundtrack, copied from ../shared/bench/dev/refs; the silent ones are left out (audio matching cannot find them).',
    refs: kept.map((r) => ({ name: r.name, file: `refs/${r.name}.mp4`, duration: r3(r.duration), source: r.source, kind: r.kind, license: r.license, mean_volume_db: r.level.mean, max_volume_db: r.level.max })),
    left_out: dropped.map((r) => ({ name: r.name, mean_volume_db: r.level.mean, reason: 'silent track' })),
    distractors: dis.map((d) => ({ source: d.id, duration: r3(d.duration), sound: d.sound, mean_volume_db: d.level.mean, kind: d.kind, license: d.license })),
    music_beds: beds.map((b) => ({ ...b, seconds: BED_SECONDS })),
  }, null, 1) + '\n');

  if (args.planOnly) return;
  rmSync(work, { recursive: true, force: true });
  const ffmpegVersion = spawnSync('ffmpeg', ['-version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  const seconds = Math.round((Date.now() - started) / 1000);
  // written last: a set without its stamp is an interrupted one, and is generated again
  writeStamp(out, args.seed, { queries: truth.length, ffmpeg: ffmpegVersion, generated_in_seconds: seconds });
  process.stderr.write(`done: ${truth.length} queries in ${out} (${seconds} s)\n`);
}

try {
  main();
} catch (e) {
  console.error(e.message ?? e);
  process.exit(1);
}
