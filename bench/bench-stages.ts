// Where a match spends its time: the 60 s clip of bench:match (mirrored,
// cropped, sped up) against a set's refs, matchClip's two stages timed
// separately, median of several runs. Usage:
// npm run bench:stages -- [set dir] [--runs N]
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HashIndex } from '@dramaguard/hash-index';
import { DEFAULT_MATCHER_OPTIONS, fullProbe, matchClip, searchCandidates } from '@dramaguard/matcher';
import { clip60, fingerprintOf, frames } from './bench-frames';

const ROOT = resolve(__dirname, '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const setDir = resolve(ROOT, args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? '../shared/bench/dev');

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<void> {
  const refs = readdirSync(join(setDir, 'refs')).filter((f) => f.endsWith('.mp4')).sort().map((f) => join(setDir, 'refs', f));
  const index = new HashIndex({ retainReferences: true });
  for (const r of refs) index.add([{ episode: r, fingerprint: fingerprintOf(await frames(r)) }]);
  const dir = mkdtempSync(join(tmpdir(), 'dg-bench-stages-'));
  try {
    const clip = await frames(clip60(refs, dir));
    const o = DEFAULT_MATCHER_OPTIONS;
    const t = { candidates: [] as number[], match: [] as number[], probe: [] as number[], fromProbe: [] as number[] };
    let found = 0;
    let candidates = 0;
    for (let run = 0; run < runs; run++) {
      let s = process.hrtime.bigint();
      candidates = searchCandidates(index, { frames: clip }, o).candidates.length;
      t.candidates.push(ms(s));
      s = process.hrtime.bigint();
      found = matchClip(index, clip).length;
      t.match.push(ms(s));
      s = process.hrtime.bigint();
      const probe = fullProbe(clip);
      t.probe.push(ms(s));
      s = process.hrtime.bigint();
      searchCandidates(index, { full: probe }, o);
      t.fromProbe.push(ms(s));
    }
    const [c, m] = [median(t.candidates), median(t.match)];
    // What the decoding worker spends on the clip's full probe, and what stage one then costs each shard.
    console.log(`full probe (every frame, every hypothesis) ${median(t.probe).toFixed(0)} ms; stage one from it ${median(t.fromProbe).toFixed(0)} ms`);
    console.log(
      `60 s clip (${clip.length} frames), median of ${runs}: matchClip ${m.toFixed(0)} ms (${found} episodes) = ` +
        `stage one (hashing, lookups, vote) ${c.toFixed(0)} ms (${candidates} candidates) + densify and verification ${(m - c).toFixed(0)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
