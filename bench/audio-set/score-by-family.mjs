#!/usr/bin/env node
// Precision, recall and µAP per family, from the shared scorer itself
// (../shared/bench/score.mjs prints only recall per family). Each positive
// family is scored as its own set: its queries plus every negative query, so
// its precision and µAP count the false alarms a matcher raises on the
// negatives, as they would in a mixed stream. A negative family's line is its
// false-alarm rate (negative queries with any prediction).
//
// usage: node bench/audio-set/score-by-family.mjs TRUTH.json PREDICTIONS.json [--scorer score.mjs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { NEGATIVE_FAMILIES, POSITIVE_FAMILIES } from './plan-queries.mjs';
import { ROOT } from './set-stamp.mjs';

const stem = (s) => basename(String(s)).replace(/\.[A-Za-z0-9]+$/, '');

/** The scorer's one-line JSON summary for a subset of the set. */
function summary(scorer, dir, name, truth, preds) {
  const t = join(dir, `${name}-truth.json`), p = join(dir, `${name}-predictions.json`);
  writeFileSync(t, JSON.stringify(truth));
  writeFileSync(p, JSON.stringify(preds));
  const r = spawnSync(process.execPath, [scorer, t, p], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scorer failed on ${name}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

export function scoreByFamily(truthFile, predictionsFile, scorer = resolve(ROOT, '../shared/bench/score.mjs')) {
  const truth = JSON.parse(readFileSync(truthFile, 'utf8'));
  const raw = JSON.parse(readFileSync(predictionsFile, 'utf8'));
  const preds = Array.isArray(raw) ? raw : raw.predictions ?? [];
  const negatives = truth.filter((q) => !q.positive);
  // the generator's order first (the order of docs/BENCHMARK.md), then any family it does not know
  const present = new Set(truth.map((q) => q.family));
  const families = [...[...POSITIVE_FAMILIES, ...NEGATIVE_FAMILIES].filter((f) => present.has(f)), ...[...present].filter((f) => ![...POSITIVE_FAMILIES, ...NEGATIVE_FAMILIES].includes(f))];
  const dir = mkdtempSync(join(tmpdir(), 'audio-set-score-'));
  const fmt = (x, n) => (n ? x.toFixed(3) : '–');
  const lines = ['| family | queries | precision | recall | µAP | segment AP |', '|---|---|---|---|---|---|'];
  try {
    const all = summary(scorer, dir, 'all', truth, preds);
    for (const family of families.filter((f) => truth.some((q) => q.family === f && q.positive))) {
      const sub = [...truth.filter((q) => q.family === family), ...negatives];
      const names = new Set(sub.map((q) => q.query));
      const s = summary(scorer, dir, family, sub, preds.filter((p) => names.has(stem(p.query))));
      lines.push(`| ${family} | ${s.positives} | ${fmt(s.clip_precision, s.pred_pairs)} | ${s.clip_recall.toFixed(3)} | ${s.uAP.toFixed(3)} | ${s.segment_ap.toFixed(3)} |`);
    }
    const flagged = new Set(preds.map((p) => stem(p.query)));
    for (const family of families.filter((f) => !truth.some((q) => q.family === f && q.positive))) {
      const qs = truth.filter((q) => q.family === family);
      const fa = qs.filter((q) => flagged.has(q.query)).length;
      lines.push(`| ${family} | ${qs.length} | false alarms ${fa}/${qs.length} | | | |`);
    }
    lines.push(`| **all** | ${all.queries} | ${fmt(all.clip_precision, all.pred_pairs)} | ${all.clip_recall.toFixed(3)} | ${all.uAP.toFixed(3)} | ${all.segment_ap.toFixed(3)} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--scorer');
  const scorer = at >= 0 ? resolve(args.splice(at, 2)[1]) : undefined;
  if (args.length < 2) {
    console.error('usage: node score-by-family.mjs TRUTH.json PREDICTIONS.json [--scorer score.mjs]');
    process.exit(2);
  }
  console.log(scoreByFamily(args[0], args[1], scorer));
}
