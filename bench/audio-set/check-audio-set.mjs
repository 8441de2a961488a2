#!/usr/bin/env node
// Self-check of a generated audio set, by measurement rather than by ear:
//  * every query: the streams, size, channels and length its truth promises;
//  * loudness (volumedetect): copied sound is audible, neg_silence is quiet;
//  * Chromaprint (ffmpeg's chromaprint muxer, raw): where the truth says the
//    episode's sound is, the query's fingerprint (speed undone) agrees with the
//    episode's at the truth's times; where it says there is none (negatives,
//    picture_sound_replaced), no stretch of the query agrees with any episode.
// Bit error rate (BER) of two raw fingerprints: 0 identical, about 0.5 unrelated.
//
// usage: node bench/audio-set/check-audio-set.mjs [SET_DIR]   (exit 1 when a check fails)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loudness, probe } from './ffmpeg-tools.mjs';
import { outDur } from './plan-queries.mjs';
import { DEFAULT_SET_DIR } from './set-stamp.mjs';

// Thresholds from the first generated set (seed 1): a copied sound, speed undone, 32 kb/s mono
// included, comes within 0.11 of its episode; under a music bed 0.18–0.29 (one quiet episode
// is masked outright, hence a warning there, not a failure). Unrelated sound reads 0.27–0.5,
// the low end being noise against noise: mdn_toys' sound is room tone, and a stream of water
// sits at 0.27–0.29 from it, a noise floor at 0.31–0.33, digital silence at 0.30 from
// webrtc_chrome_clay.
const COPY_BER = 0.15;
const BED_BER = 0.35;
const OTHER_BER = 0.2;
const RATE = 44100;

function fingerprint(file, start, dur, filter = 'anull') {
  const args = ['-nostdin', '-v', 'error'];
  if (start !== null) args.push('-ss', String(start), '-t', String(dur));
  args.push('-i', file, '-vn', '-af', filter, '-ac', '1', '-f', 'chromaprint', '-fp_format', 'raw', '-');
  const p = spawnSync('ffmpeg', args, { maxBuffer: 16 << 20 });
  if (p.status !== 0) throw new Error(`chromaprint failed on ${file}: ${p.stderr}`);
  const b = p.stdout;
  return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + (b.length & ~3)));
}

function popcount(x) {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Lowest BER of a against b over the offsets [lo, hi] (b shifted by the offset), with at least minOverlap items in common. */
function bestBer(a, b, lo, hi, minOverlap) {
  let best = { ber: 1, offset: null };
  for (let o = lo; o <= hi; o++) {
    const from = Math.max(0, -o), to = Math.min(a.length, b.length - o);
    if (to - from < minOverlap) continue;
    let bits = 0;
    for (let i = from; i < to; i++) bits += popcount((a[i] ^ b[i + o]) >>> 0);
    const ber = bits / (32 * (to - from));
    if (ber < best.ber) best = { ber, offset: o };
  }
  return best;
}

/** The filter that undoes a sound piece's speed change, so its fingerprint lines up with the episode's. */
function undoSpeed(speed) {
  if (!speed) return 'anull';
  if (speed.method === 'tempo') return `atempo=${1 / speed.factor}`;
  return `asetrate=${Math.round(RATE / speed.factor)},aresample=${RATE}`;
}

function main() {
  const dir = resolve(process.argv[2] ?? DEFAULT_SET_DIR);
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
  const refs = JSON.parse(readFileSync(join(dir, 'refs.json'), 'utf8')).refs;
  const refPrints = new Map(refs.map((r) => [r.name, fingerprint(join(dir, r.file), null, null)]));
  const failures = [];
  const warnings = [];
  const rows = [];
  for (const q of truth) {
    const file = join(dir, q.file);
    const info = probe(file);
    const planned = q.params.sound.reduce((s, p) => s + outDur(p), 0);
    const fail = (what) => failures.push(`${q.query} (${q.family}): ${what}`);
    if (info.width !== q.params.size[0] || info.height !== q.params.size[1]) fail(`size ${info.width}x${info.height}`);
    if (info.channels !== q.params.audio.channels) fail(`${info.channels} audio channels`);
    if (Math.abs(info.duration - planned) > 0.1) fail(`lasts ${info.duration} s, planned ${planned.toFixed(3)} s`);
    const level = loudness(file).mean;

    // the episode's sound where the truth puts it, speed undone, a few items of slack either way
    const aligned = [];
    let t = 0;
    for (const p of q.params.sound) {
      const d = outDur(p);
      if (p.kind === 'ref') {
        const a = fingerprint(file, t, d, undoSpeed(p.speed));
        const b = fingerprint(join(dir, 'refs', `${p.ref}.mp4`), p.start, p.dur);
        const m = bestBer(a, b, -4, 4, Math.min(a.length, b.length) - 4);
        aligned.push(m.ber);
        const what = `episode sound at ${t.toFixed(2)}–${(t + d).toFixed(2)} s against ${p.ref}: BER ${m.ber.toFixed(3)}`;
        if (p.bed && m.ber > BED_BER) warnings.push(`${q.query} (${q.family}): ${what}, masked by the bed`);
        else if (!p.bed && m.ber > COPY_BER) fail(what);
        if (loudness(file, t, d).mean < -55) fail('episode sound inaudible');
      }
      t += d;
    }
    // no episode's sound anywhere, for the queries whose truth has no copied sound
    const soundCopied = q.params.sound.some((p) => p.kind === 'ref');
    let blind = null;
    if (!soundCopied) {
      const a = fingerprint(file, null, null);
      for (const [name, b] of refPrints) {
        const m = bestBer(a, b, -a.length, b.length, Math.min(40, Math.floor(a.length * 0.8)));
        if (!blind || m.ber < blind.ber) blind = { ...m, ref: name };
      }
      if (blind.ber <= OTHER_BER) fail(`sounds like ${blind.ref} (BER ${blind.ber.toFixed(3)} at item ${blind.offset})`);
    }
    if (q.family === 'neg_silence' && level > -35) fail(`neg_silence at ${level} dB`);
    if (q.family !== 'neg_silence' && level < -55) fail(`nearly silent (${level} dB)`);
    rows.push(`${q.query} ${q.family.padEnd(22)} ${String(info.width).padStart(3)}x${String(info.height).padEnd(3)} ${info.channels}ch ${info.duration.toFixed(2).padStart(6)} s ${String(level).padStart(6)} dB  ` +
      (aligned.length ? `episode-sound BER ${aligned.map((b) => b.toFixed(3)).join(',')}` : `nearest episode ${blind.ref} BER ${blind.ber.toFixed(3)}`));
  }
  console.log(rows.join('\n'));
  if (warnings.length) console.log(`\n${warnings.length} warning(s):\n${warnings.join('\n')}`);
  console.log(failures.length ? `\n${failures.length} check(s) failed:\n${failures.join('\n')}` : `\nall ${truth.length} queries pass`);
  process.exit(failures.length ? 1 : 0);
}

main();
