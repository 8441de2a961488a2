// Speed and memory of the matcher, measured (never asserted in tests).
// Usage: npm run bench:match -- [set dir] [--hours N]
//  * index memory per registered second (key frames and tables; the full
//    fingerprints verification reads stay in PostgreSQL in the service), for the
//    set's refs and for a synthetic registry of N hours (default 20) made of
//    perturbed copies of their hashes, and the time to add one episode;
//  * time to match a 60 s clip cut from the refs (mirrored, cropped, sped up),
//    with the robust geometry and with the plain baseline (identity only, no
//    mirror, no weak alignment lines: the matcher before the robustness work),
//    against both registries.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Fingerprint, FINGERPRINT_FPS, GreyFrame } from '@dramaguard/fingerprint';
import { HashIndex, Reference } from '@dramaguard/hash-index';
import { DEFAULT_MATCHER_OPTIONS, finishMatch, planMatch } from '@dramaguard/matcher';
import { clip60, fingerprintOf, frames } from './bench-frames';

const ROOT = resolve(__dirname, '..');
const args = process.argv.slice(2);
const hoursAt = args.indexOf('--hours');
const hours = hoursAt >= 0 ? Number(args[hoursAt + 1]) : 20;
const setDir = resolve(ROOT, args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--hours') ?? '../shared/bench/dev');

/** A copy of a fingerprint with `bits` random bit flips per hash: a stand-in for other footage. */
function perturbed(fp: Fingerprint, seed: number, bits: number): Fingerprint {
  let s = seed >>> 0;
  const next = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return {
    ...fp,
    views: fp.views.map((v) => {
      const hashes = Uint32Array.from(v.hashes);
      for (let i = 0; i < hashes.length; i += 2) {
        for (let b = 0; b < bits; b++) {
          const bit = Math.floor(next() * 64);
          hashes[i + (bit >> 5)] = (hashes[i + (bit >> 5)] ^ (1 << (bit & 31))) >>> 0;
        }
      }
      return { ...v, hashes };
    }),
  };
}

/** The registry's full fingerprints, which the service reads from PostgreSQL for a match's candidates. */
const references = new Map<string, Reference>();

function timeMatch(index: HashIndex, clip: GreyFrame[], plainGeometry: boolean): { ms: number; found: number } {
  const times: number[] = [];
  let found = 0;
  const options = plainGeometry ? { plainGeometry, weakSupport: DEFAULT_MATCHER_OPTIONS.minSupport } : {};
  for (let run = 0; run < 3; run++) {
    const t = process.hrtime.bigint();
    found = finishMatch(planMatch(index, clip, options), clip, (e) => references.get(e), options).length;
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ms: times.sort((a, b) => a - b)[1], found };
}

async function main(): Promise<void> {
  const refs = readdirSync(join(setDir, 'refs')).filter((f) => f.endsWith('.mp4')).sort().map((f) => join(setDir, 'refs', f));
  const index = new HashIndex();
  let seconds = 0;
  const fps: Fingerprint[] = [];
  for (const r of refs) {
    const fp = fingerprintOf(await frames(r));
    fps.push(fp);
    seconds += fp.frames / FINGERPRINT_FPS;
    add(index, r, fp);
  }
  const dir = mkdtempSync(join(tmpdir(), 'dg-bench-match-'));
  try {
    const clip = await frames(clip60(refs, dir));
    console.log(`set ${setDir}: ${refs.length} refs, ${seconds.toFixed(0)} s registered; clip ${(clip.length / FINGERPRINT_FPS).toFixed(1)} s (${clip.length} frames)`);
    report('refs', index, seconds, clip);

    const big = new HashIndex();
    refs.forEach((r, k) => add(big, r, fps[k]));
    let bigSeconds = seconds;
    let addMs = 0;
    let added = 0;
    for (let copy = 0; bigSeconds < hours * 3600; copy++) {
      fps.forEach((fp, k) => {
        const t = process.hrtime.bigint();
        add(big, `synthetic-${copy}-${k}`, perturbed(fp, copy * 97 + k, 20));
        addMs += Number(process.hrtime.bigint() - t) / 1e6;
        added++;
      });
      bigSeconds += seconds;
    }
    console.log(`adding an episode to the index: ${(addMs / added).toFixed(2)} ms on average over ${added} episodes (key-frame selection and linking)`);
    report(`${hours} h synthetic registry`, big, bigSeconds, clip);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function add(index: HashIndex, episode: string, fingerprint: Fingerprint): void {
  index.add([{ episode, fingerprint }]);
  references.set(episode, { fingerprint, shares: new Uint8Array(fingerprint.frames) });
}

function report(name: string, index: HashIndex, seconds: number, clip: GreyFrame[]): void {
  const robust = timeMatch(index, clip, false);
  const plain = timeMatch(index, clip, true);
  console.log(
    `${name}: ${index.episodeCount} episodes, index ${(index.memoryBytes() / 1e6).toFixed(1)} MB = ${(index.memoryBytes() / seconds).toFixed(0)} bytes per registered second; ` +
      `60 s clip: robust ${robust.ms.toFixed(0)} ms (${robust.found} episodes found), plain ${plain.ms.toFixed(0)} ms (${plain.found} found)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
