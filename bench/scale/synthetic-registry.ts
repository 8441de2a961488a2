// A registry of many hours made from the real fingerprints of the set's refs,
// written straight into PostgreSQL next to the refs registered through the api.
import { decodeFingerprint, encodeFingerprint, Fingerprint, FingerprintView } from '@dramaguard/fingerprint';
import { DataSource } from 'typeorm';

/** Share of synthetic episodes that are near misses of a registered ref rather than other footage. */
const NEAR_MISS_SHARE = 0.01;
const EPISODES_PER_WORK = 80;
const BATCH = 400;

export interface RegistryStats {
  readonly episodes: number;
  readonly seconds: number;
  readonly nearMisses: number;
}

/** Deterministic random numbers, so two runs build the same registry. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function mask(next: () => number, bits: number): [number, number] {
  let lo = 0;
  let hi = 0;
  const set = new Set<number>();
  while (set.size < bits) set.add(Math.floor(next() * 64));
  for (const b of set) {
    if (b < 32) lo |= 1 << b;
    else hi |= 1 << (b - 32);
  }
  return [lo >>> 0, hi >>> 0];
}

/**
 * One synthetic episode of 60-120 s: stretches (2-10 s, played at 0.9-1.1x)
 * of the refs' frames, each stretch XORed with one mask of its own plus a
 * bit or two of per-frame noise. The mask keeps a stretch's real motion,
 * held shots and texture (so key-frame selection sees real footage) while
 * moving its hashes away from the original: 18-24 bits for other footage,
 * 10-14 bits for a near miss (the same scene shot again, another grade).
 */
function synthetic(refs: readonly Fingerprint[], next: () => number, nearMiss: boolean): Fingerprint {
  const frames = Math.round((60 + next() * 60) * 8);
  const hashes = new Uint32Array(2 * frames);
  const quality = new Uint8Array(frames);
  for (let f = 0; f < frames; ) {
    const ref = refs[Math.floor(next() * refs.length)].views[0];
    const length = Math.min(frames - f, Math.round((nearMiss ? 2 + next() * 4 : 2 + next() * 8) * 8));
    const speed = 0.9 + next() * 0.2;
    const start = Math.floor(next() * Math.max(1, ref.quality.length - length * speed));
    const [mlo, mhi] = mask(next, nearMiss ? 10 + Math.floor(next() * 5) : 18 + Math.floor(next() * 7));
    for (let k = 0; k < length; k++, f++) {
      const j = Math.min(ref.quality.length - 1, start + Math.floor(k * speed));
      const [nlo, nhi] = next() < 0.5 ? [0, 0] : mask(next, 1 + Math.floor(next() * 2));
      hashes[2 * f] = (ref.hashes[2 * j] ^ mlo ^ nlo) >>> 0;
      hashes[2 * f + 1] = (ref.hashes[2 * j + 1] ^ mhi ^ nhi) >>> 0;
      quality[f] = ref.quality[j];
    }
  }
  const view: FingerprintView = { region: refs[0].views[0].region, hashes, quality };
  return { fps: 8, frames, views: [view] };
}

/**
 * Adds synthetic registered episodes until the registry holds `hours`. Rows
 * are cloned from a registered ref's work, episode and registration (so they
 * satisfy whatever the schema requires) with fresh ids, numbers and hashes.
 */
export async function growRegistry(db: DataSource, hours: number, shards = 1, seed = 1): Promise<RegistryStats> {
  const rows = (await db.query(`SELECT f.data, r.id AS registration_id, r.episode_id, e.work_id FROM fingerprints f
    JOIN registrations r ON r.id = f.registration_id JOIN episodes e ON e.id = r.episode_id WHERE r.status = 'registered'`)) as {
    data: Buffer;
    registration_id: string;
    episode_id: string;
    work_id: string;
  }[];
  const refs = rows.map((r) => decodeFingerprint(r.data));
  const template = rows[0];
  let seconds = refs.reduce((n, fp) => n + fp.frames / 8, 0);
  const next = rng(seed);
  let episodes = 0;
  let nearMisses = 0;
  while (seconds < hours * 3600) {
    const batch: Fingerprint[] = [];
    for (let i = 0; i < BATCH && seconds < hours * 3600; i++) {
      const near = next() < NEAR_MISS_SHARE;
      const fp = synthetic(refs, next, near);
      if (near) nearMisses++;
      batch.push(fp);
      seconds += fp.frames / 8;
    }
    await insertBatch(db, template, batch, episodes, shards);
    episodes += batch.length;
  }
  return { episodes, seconds, nearMisses };
}

/** Synthetic works go round the shards, so each shard holds an equal part of the registry. */
async function insertBatch(db: DataSource, t: { registration_id: string; episode_id: string; work_id: string }, batch: Fingerprint[], offset: number, shards: number): Promise<void> {
  const works = Math.ceil(batch.length / EPISODES_PER_WORK);
  await db.transaction(async (em) => {
    const workIds = ((await em.query(
      `INSERT INTO works SELECT (jsonb_populate_record(NULL::works, to_jsonb(w) || jsonb_build_object('id', gen_random_uuid(), 'title', 'synthetic ' || ($2::int + g), 'episode_count', ${EPISODES_PER_WORK},
         'shard', ($2::int / ${EPISODES_PER_WORK} + g) % $4::int))).*
       FROM works w, generate_series(1, $3::int) g WHERE w.id = $1 RETURNING id`,
      [t.work_id, offset, works, shards],
    )) as { id: string }[]).map((r) => r.id);
    const episodeIds = ((await em.query(
      `INSERT INTO episodes SELECT (jsonb_populate_record(NULL::episodes, to_jsonb(e) || jsonb_build_object('id', gen_random_uuid(), 'work_id', w.id, 'number', w.n))).*
       FROM episodes e, unnest($2::uuid[], $3::int[]) AS w(id, n) WHERE e.id = $1 RETURNING id`,
      [t.episode_id, batch.map((_, i) => workIds[Math.floor(i / EPISODES_PER_WORK)]), batch.map((_, i) => (i % EPISODES_PER_WORK) + 1)],
    )) as { id: string }[]).map((r) => r.id);
    const registrationIds = ((await em.query(
      `INSERT INTO registrations SELECT (jsonb_populate_record(NULL::registrations, to_jsonb(r) || jsonb_build_object(
         'id', gen_random_uuid(), 'number', 'SYN-' || lpad(($2::int + x.i)::text, 9, '0'), 'episode_id', x.episode,
         'sha256', encode(sha256(gen_random_uuid()::text::bytea), 'hex'), 'duration_seconds', x.seconds))).*
       FROM registrations r, unnest($3::uuid[], $4::float8[]) WITH ORDINALITY AS x(episode, seconds, i) WHERE r.id = $1 ORDER BY x.i RETURNING id`,
      [t.registration_id, offset, episodeIds, batch.map((fp) => fp.frames / 8)],
    )) as { id: string }[]).map((r) => r.id);
    await em.query(`INSERT INTO fingerprints (registration_id, fps, frame_count, data) SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::bytea[])`, [
      registrationIds,
      batch.map(() => 8),
      batch.map((fp) => fp.frames),
      batch.map((fp) => encodeFingerprint(fp)),
    ]);
  });
}
