// The version stamp of a generated audio set: a hash of the generator's own
// files and the seed. `npm run bench:audio` regenerates the set when the stamp
// is missing (an interrupted run writes it last) or differs (the generator changed).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');
export const DEFAULT_SET_DIR = join(ROOT, 'bench', 'out', 'audio-set');
export const DEFAULT_SEED = 1;
const STAMP = 'set-version.json';

// What decides the set's content; the bench and scoring scripts are left out on purpose.
const GENERATOR_FILES = ['generate-audio-set.mjs', 'plan-queries.mjs', 'render-query.mjs', 'music-bed.mjs', 'prng.mjs', 'ffmpeg-tools.mjs', 'set-stamp.mjs'];

export function setVersion(seed) {
  const h = createHash('sha256').update(`seed ${seed}\n`);
  for (const f of GENERATOR_FILES) h.update(readFileSync(join(HERE, f)));
  return h.digest('hex').slice(0, 16);
}

export function isCurrent(dir, seed) {
  const file = join(dir, STAMP);
  if (!existsSync(file) || !existsSync(join(dir, 'truth.json'))) return false;
  return JSON.parse(readFileSync(file, 'utf8')).version === setVersion(seed);
}

export function writeStamp(dir, seed, extra) {
  writeFileSync(join(dir, STAMP), JSON.stringify({ version: setVersion(seed), seed, ...extra }, null, 1) + '\n');
}

export function removeStamp(dir) {
  rmSync(join(dir, STAMP), { force: true });
}
