// Shortest copy caught: excerpts of 1-6 s cut from every ref, lightly edited
// (re-encoded at 360x640) and harshly edited (mirrored, 15% cropped, 1.2x fast,
// brightened), each matched against the refs. Prints the detection rate and
// the false alarm count per length and edit. Usage: npm run bench:short -- [set dir]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { FINGERPRINT_FPS } from '@dramaguard/fingerprint';
import { HashIndex } from '@dramaguard/hash-index';
import { DEFAULT_MATCHER_OPTIONS, matchClip } from '@dramaguard/matcher';
import { fingerprintOf, frames } from './bench-frames';

const ROOT = resolve(__dirname, '..');
const setDir = resolve(ROOT, process.argv[2] ?? '../shared/bench/dev');
const LENGTHS = [1, 1.5, 2, 3, 4, 6];
const STARTS = 4;
const EDITS: Record<string, string> = {
  light: 'scale=360:640',
  harsh: 'hflip,crop=iw*0.85:ih*0.85:iw*0.1:ih*0.05,scale=360:640,eq=brightness=0.06:contrast=1.1,setpts=PTS/1.2',
};

async function main(): Promise<void> {
  const refs = readdirSync(join(setDir, 'refs')).filter((f) => f.endsWith('.mp4')).sort().map((f) => join(setDir, 'refs', f));
  const index = new HashIndex({ retainReferences: true });
  const durations = new Map<string, number>();
  for (const r of refs) {
    const fp = fingerprintOf(await frames(r));
    durations.set(r, fp.frames / FINGERPRINT_FPS);
    index.add([{ episode: basename(r), fingerprint: fp }]);
  }
  const dir = mkdtempSync(join(tmpdir(), 'dg-bench-short-'));
  try {
    console.log(`set ${setDir}: ${refs.length} refs; ${STARTS} excerpts per ref, length and edit`);
    for (const [edit, filter] of Object.entries(EDITS)) {
      for (const length of LENGTHS) {
        let caught = 0;
        let wrong = 0;
        let total = 0;
        for (const r of refs) {
          const room = (durations.get(r) as number) - length - 0.5;
          for (let k = 0; k < STARTS; k++) {
            const start = (room * (k + 0.5)) / STARTS;
            const out = join(dir, 'excerpt.mp4');
            const cut = edit === 'harsh' ? length * 1.2 : length;
            execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', start.toFixed(3), '-t', cut.toFixed(3), '-i', r, '-vf', filter, '-an', '-c:v', 'libx264', '-crf', '30', out]);
            const found = matchClip(index, await frames(out));
            total++;
            if (found.some((m) => m.episode === basename(r))) caught++;
            if (found.some((m) => m.episode !== basename(r))) wrong++;
          }
        }
        console.log(`${edit.padEnd(6)} ${String(length).padStart(4)} s: caught ${caught}/${total} (${((100 * caught) / total).toFixed(0)}%), wrong episode ${wrong}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
