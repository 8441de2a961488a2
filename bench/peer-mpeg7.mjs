#!/usr/bin/env node
// Peer baseline: ffmpeg's own MPEG-7 video signature filter (`signature`, ISO/IEC 15938-3)
// run with its DEFAULT thresholds on a copy-detection benchmark set, turned into
// predictions in the bench format and scored with the bench's score.mjs.
//
// usage: node bench/peer-mpeg7.mjs [SET_DIR] [--out predictions-mpeg7.json] [--jobs N]
//   SET_DIR  benchmark set (refs/*.mp4, queries/*.mp4, truth.json); default
//            ../shared/bench/dev relative to the repo root; a given path is resolved
//            against the current directory.
//   --out    predictions file (default predictions-mpeg7.json, relative to cwd)
//   --jobs   parallel ffmpeg processes (default 2)
//   --score  path of score.mjs (default SET_DIR/../score.mjs)
//   --ffmpeg ffmpeg binary (default /usr/bin/ffmpeg if present, else `ffmpeg`)
//
// Plain Node >= 20, no dependencies. Needs ffmpeg with the `signature` filter.
//
// How the filter is used (ffmpeg 5.1, libavfilter/vf_signature.c + signature_lookup.c)
// ---------------------------------------------------------------------------
// * One ffmpeg run per (query, ref) pair:
//     [query]fps=30,extractplanes=y[a]; [ref]fps=30,extractplanes=y[b];
//     [a][b]signature=nb_inputs=2:detectmode=full          (all thresholds default)
//   - fps=30 on both inputs: the filter compares frame by frame and its Hough stage only
//     models frame-rate ratios of 1 or 2, so both streams are brought to the refs' 30 fps
//     (that is all; no mirror / crop / speed handling: this is the peer as shipped).
//     Sizes need not match: each frame is reduced to a 32x32 grid of its own size.
//   - extractplanes=y is a pure memory measure: the filter reads only the luma plane, and
//     extractplanes copies it bit-exactly (exported signatures are byte-identical with and
//     without it; `format=gray` is NOT identical because swscale rescales the range). It is
//     needed because the 5.1 filter never frees the frames of its inputs other than the first
//     (filter_frame returns 1 without av_frame_free), so every decoded frame of the ref stays
//     in memory until the end: ~0.8 MB per 540x960 frame in yuv420p, 2/3 of that in gray.
// * The filter does compare all pairs when given more inputs (nb_inputs=8: the query plus the
//   7 refs), but that is slower here (it holds ~4.5 GB of leaked frames, and wastes time on
//   the ref-ref pairs) and a crash (below) loses every pair after the crashing one. Signatures
//   can be exported (filename=, binary/xml) but ffmpeg cannot compare stored signatures: the
//   lookup only happens inside the filter on decoded streams. So the refs are decoded again
//   for every query; --jobs runs pairs in parallel.
// * Output: at EOF the filter logs, at level INFO, per pair i<j either
//       [Parsed_signature_4 @ 0x...] matching of video 0 at 0.700000 and 1 at 16.533333, 226 frames matching
//       [Parsed_signature_4 @ 0x...] whole video matching            (optional)
//   or  no matching of video 0 and 1
//   "at" is NOT the start of the match: it is the anchor frame pair of the best Hough
//   candidate (match.first / match.second), from which stage 3 walks forward and then
//   backward while frames stay similar. "N frames matching" is the number of frames of the
//   second input (the ref) stepped over by that walk. "whole video matching" means the walk
//   reached an end of one of the sequences in both directions. No score, no frame-rate
//   ratio and no start/end are printed at INFO level (the Hough vote count only appears at
//   DEBUG level, which also dumps every frame signature).
// * Conversion to predictions (only pairs the filter reports as matching get a row):
//     d = ref_anchor - query_anchor (frame-rate ratio assumed 1: both streams are at 30 fps)
//     feasible overlap on the query axis: [max(0, -d), min(Dq, Dr - d)]
//     whole video matching -> the whole overlap
//     otherwise            -> N/30 s starting at the query anchor, moved back/clipped into the
//                             overlap. Stage 3 walks forward from the anchor first, and the coarse
//                             stage scans query segments in time order, so the anchor sits near
//                             the start of the matched run: on a few DEV pairs it was 0-1.6 s
//                             after the true start and N/30 within 0.2 s of the true length
//                             (centring the window on the anchor put it half a run too early).
//     ref range = query range + d
//     score = min(1, N / query frames at 30 fps)   (derived: the filter prints no score)
//   Extra fields (mpeg7_*) keep what the filter printed; score.mjs ignores them.
// * Known defect of the shipped filter: ffmpeg 5.1 (Debian 5.1.x) segfaults in
//   lookup_signatures() when stage 2 (Hough) yields candidates but stage 3 rejects all of
//   them before any match was accepted: the "Stage 3: best matching pair at %u ..." av_log
//   call dereferences the still uninitialised bestmatch.first (its arguments are evaluated
//   even when the log level hides the message). Such a pair gives no result; it is counted
//   as a crash and gets no row (i.e. treated as "not flagged").
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FPS = 30;
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');

function parseArgs(argv) {
  const o = { set: null, out: 'predictions-mpeg7.json', jobs: 2, score: null, ffmpeg: null, timeout: 900 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { if (i + 1 >= argv.length) throw new Error(`${a} needs a value`); return argv[++i]; };
    if (a === '--out') o.out = val();
    else if (a === '--jobs') o.jobs = Math.max(1, parseInt(val(), 10) || 1);
    else if (a === '--score') o.score = val();
    else if (a === '--ffmpeg') o.ffmpeg = val();
    else if (a === '--timeout') o.timeout = Number(val());
    else if (a === '-h' || a === '--help') { o.help = true; }
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else if (o.set === null) o.set = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  o.set = o.set ? path.resolve(process.cwd(), o.set) : path.resolve(repoRoot, '../shared/bench/dev');
  o.out = path.resolve(process.cwd(), o.out);
  o.score = o.score ? path.resolve(process.cwd(), o.score) : path.resolve(o.set, '../score.mjs');
  o.ffmpeg = o.ffmpeg || (fs.existsSync('/usr/bin/ffmpeg') ? '/usr/bin/ffmpeg' : 'ffmpeg');
  return o;
}

const listMp4 = (dir) => fs.readdirSync(dir).filter((f) => /\.mp4$/i.test(f)).sort()
  .map((f) => ({ name: f.replace(/\.[^.]+$/, ''), file: path.join(dir, f) }));

function probeDuration(file) {
  const ffprobe = 'ffprobe';
  const out = execFileSync(ffprobe, ['-v', 'error', '-select_streams', 'v:0', '-show_entries',
    'stream=duration:format=duration', '-of', 'json', file], { encoding: 'utf8' });
  const j = JSON.parse(out);
  const d = Number(j.streams?.[0]?.duration ?? j.format?.duration);
  if (!Number.isFinite(d)) throw new Error(`cannot probe duration of ${file}`);
  return d;
}

const MATCH_RE = /matching of video (\d+) at (-?[\d.]+) and (\d+) at (-?[\d.]+), (\d+) frames matching/;
const NOMATCH_RE = /no matching of video (\d+) and (\d+)/;

function runPair(opt, q, r) {
  const fc = `[0:v]fps=${FPS},extractplanes=y[a];[1:v]fps=${FPS},extractplanes=y[b];`
    + '[a][b]signature=nb_inputs=2:detectmode=full';
  const args = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info',
    '-i', q.file, '-i', r.file, '-filter_complex', fc, '-an', '-sn', '-dn', '-f', 'null', '-'];
  return new Promise((resolve) => {
    const t0 = Date.now();
    const p = spawn(opt.ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.setEncoding('utf8');
    p.stderr.on('data', (d) => { err += d; if (err.length > 1 << 20) err = err.slice(-(1 << 19)); });
    const timer = setTimeout(() => p.kill('SIGKILL'), opt.timeout * 1000);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      const res = { query: q.name, ref: r.name, code, signal, secs: (Date.now() - t0) / 1000, status: 'error' };
      const lines = err.split(/\r?\n/);
      for (let i = 0; i < lines.length; i++) {
        const m = MATCH_RE.exec(lines[i]);
        if (m && !/no matching/.test(lines[i]) && m[1] === '0' && m[3] === '1') {
          res.status = 'match';
          res.qAnchor = Number(m[2]); res.rAnchor = Number(m[4]); res.frames = Number(m[5]);
          res.whole = /whole video matching/.test(lines[i + 1] || '');
        } else if (NOMATCH_RE.test(lines[i]) && res.status !== 'match') res.status = 'nomatch';
      }
      if (res.status === 'error') {
        res.status = signal === 'SIGSEGV' || code === 139 ? 'crash' : signal === 'SIGKILL' ? 'timeout' : 'error';
        res.tail = lines.filter((l) => l && !/^\s/.test(l)).slice(-3).join(' | ');
      }
      resolve(res);
    });
  });
}

function toPrediction(res, Dq, Dr) {
  const d = res.rAnchor - res.qAnchor; // ref time = query time + d (ratio 1 assumed)
  const lo = Math.max(0, -d), hi = Math.min(Dq, Dr - d);
  let qs, qe;
  if (hi <= lo) { // anchors outside the feasible overlap (should not happen): a point range
    qs = qe = Math.min(Math.max(res.qAnchor, 0), Dq);
  } else if (res.whole) {
    qs = lo; qe = hi;
  } else { // N frames starting at the anchor (see the header), moved back into the overlap
    const L = Math.min(res.frames / FPS, hi - lo);
    qs = Math.max(res.qAnchor, lo); qe = qs + L;
    if (qe > hi) { qs -= qe - hi; qe = hi; }
    qs = Math.max(qs, lo);
  }
  const r3 = (x) => Math.round(x * 1000) / 1000;
  return {
    query: res.query, ref: res.ref,
    score: r3(Math.min(1, res.frames / Math.max(1, Math.round(Dq * FPS)))),
    query_start: r3(qs), query_end: r3(qe), ref_start: r3(qs + d), ref_end: r3(qe + d),
    mpeg7_query_anchor: res.qAnchor, mpeg7_ref_anchor: res.rAnchor,
    mpeg7_frames: res.frames, mpeg7_whole: res.whole,
  };
}

async function pool(items, jobs, fn) {
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; await fn(items[i], i); } };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  if (opt.help) {
    console.log('usage: node bench/peer-mpeg7.mjs [SET_DIR] [--out predictions-mpeg7.json] [--jobs N] [--score score.mjs] [--ffmpeg ffmpeg]');
    return;
  }
  const t0 = Date.now();
  const refs = listMp4(path.join(opt.set, 'refs'));
  const queries = listMp4(path.join(opt.set, 'queries'));
  if (!refs.length || !queries.length) throw new Error(`no refs/queries under ${opt.set}`);
  const dur = new Map();
  for (const v of [...refs, ...queries]) dur.set(v.file, probeDuration(v.file));

  const pairs = [];
  for (const q of queries) for (const r of refs) pairs.push([q, r]);
  console.error(`peer-mpeg7: ${queries.length} queries x ${refs.length} refs = ${pairs.length} ffmpeg pair runs, jobs ${opt.jobs}, set ${opt.set}`);

  const results = new Array(pairs.length);
  let done = 0;
  await pool(pairs, opt.jobs, async ([q, r], i) => {
    results[i] = await runPair(opt, q, r);
    done++;
    const res = results[i];
    if (res.status === 'match' || res.status === 'crash' || res.status === 'error' || res.status === 'timeout' || done % 50 === 0) {
      const el = (Date.now() - t0) / 1000;
      const extra = res.status === 'match' ? ` q@${res.qAnchor} r@${res.rAnchor} ${res.frames}f${res.whole ? ' whole' : ''}` : res.tail ? ` (${res.tail})` : '';
      console.error(`[${done}/${pairs.length} ${el.toFixed(0)}s eta ${((el / done) * (pairs.length - done)).toFixed(0)}s] ${q.name} ${r.name}: ${res.status}${extra}`);
    }
  });

  const preds = [];
  const byRef = new Map(refs.map((r) => [r.name, r]));
  const byQ = new Map(queries.map((q) => [q.name, q]));
  for (const res of results) {
    if (res.status !== 'match') continue;
    preds.push(toPrediction(res, dur.get(byQ.get(res.query).file), dur.get(byRef.get(res.ref).file)));
  }
  preds.sort((a, b) => a.query.localeCompare(b.query) || b.score - a.score);
  fs.mkdirSync(path.dirname(opt.out), { recursive: true });
  fs.writeFileSync(opt.out, JSON.stringify(preds, null, 1) + '\n');
  const runtime = (Date.now() - t0) / 1000;

  const count = (s) => results.filter((r) => r.status === s).length;
  const crashes = results.filter((r) => r.status === 'crash');
  const failed = results.filter((r) => r.status === 'error' || r.status === 'timeout');
  const pairSecs = results.reduce((s, r) => s + r.secs, 0);

  let report = '';
  const truth = path.join(opt.set, 'truth.json');
  if (fs.existsSync(truth) && fs.existsSync(opt.score)) {
    report = execFileSync(process.execPath, [opt.score, truth, opt.out], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } else {
    report = `(not scored: ${fs.existsSync(truth) ? '' : 'no truth.json '}${fs.existsSync(opt.score) ? '' : `no ${opt.score}`})\n`;
  }
  const lines = [
    `== peer-mpeg7: ffmpeg signature filter (MPEG-7 video signature), default thresholds`,
    `ffmpeg: ${ffmpegVersion(opt.ffmpeg)}; set ${opt.set}; ${queries.length} queries x ${refs.length} refs`,
    `command: node bench/peer-mpeg7.mjs ${process.argv.slice(2).join(' ')}`.trimEnd(),
    `pair runs: ${results.length} (match ${count('match')}, no match ${count('nomatch')}, filter crash/SIGSEGV ${crashes.length}, other failures ${failed.length})`,
    `runtime: ${runtime.toFixed(1)} s wall with --jobs ${opt.jobs} on ${os.cpus().length} cores (sum of pair runs ${pairSecs.toFixed(1)} s, mean ${(pairSecs / results.length).toFixed(2)} s/pair)`,
    `predictions: ${preds.length} rows -> ${opt.out}`,
  ];
  if (crashes.length) lines.push(`crashed pairs (no row written): ${crashes.map((r) => `${r.query}/${r.ref}`).join(' ')}`);
  if (failed.length) lines.push(`failed pairs: ${failed.map((r) => `${r.query}/${r.ref}[${r.status} ${r.code ?? r.signal}: ${r.tail}]`).join(' ')}`);
  process.stdout.write(lines.join('\n') + '\n\n' + report);
}

function ffmpegVersion(bin) {
  try { return execFileSync(bin, ['-version'], { encoding: 'utf8' }).split('\n')[0]; } catch { return bin; }
}

main().catch((e) => { console.error(e.stack || String(e)); process.exit(1); });
