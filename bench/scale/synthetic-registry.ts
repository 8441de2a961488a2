// A registry of many hours made from the real fingerprints of the set's refs,
// written straight into PostgreSQL next to the refs registered through the api.
import { decodeFingerprint, encodeFingerprint, Fingerprint } from '@dramaguard/fingerprint';
import { DataSource } from 'typeorm';
import { syntheticEpisodes } from './synthetic-episodes';

const EPISODES_PER_WORK = 80;
const BATCH = 400;

export interface RegistryStats {
  readonly episodes: number;
  readonly seconds: number;
  readonly nearMisses: number;
}

/**
 * Adds synthetic registered episodes until the registry holds `hours`. Rows
 * are cloned from a registered ref's work, episode and registration (so they
 * satisfy whatever the schema requires) with fresh ids, numbers and hashes.
 */
export async function growRegistry(db: DataSource, hours: number, shards = 1, seed = 1): Promise<RegistryStats> {
  const rows = (await db.query(`SELECT f.data, r.id AS registration_id, r.episode_id, e.work_id FROM fingerprints f
    JOIN registrations r ON r.id = f.registration_id JOIN episodes e ON e.id = r.episode_id WHERE r.status = 'registered' ORDER BY e.title, r.id`)) as {
    data: Buffer;
    registration_id: string;
    episode_id: string;
    work_id: string;
  }[];
  // In a fixed order (the refs' titles, their file names): the workers register them in whatever order they finish, and the
  // seeded generator picks refs by position, so an unordered read built another registry on every run.
  const refs = rows.map((r) => decodeFingerprint(r.data));
  const template = rows[0];
  let seconds = refs.reduce((n, fp) => n + fp.frames / 8, 0);
  let episodes = 0;
  let nearMisses = 0;
  let batch: Fingerprint[] = [];
  for (const e of syntheticEpisodes(refs, hours * 3600 - seconds, seed)) {
    batch.push(e.fingerprint);
    if (e.nearMiss) nearMisses++;
    seconds += e.fingerprint.frames / 8;
    if (batch.length < BATCH) continue;
    await insertBatch(db, template, batch, episodes, shards);
    episodes += batch.length;
    batch = [];
  }
  if (batch.length) await insertBatch(db, template, batch, episodes, shards);
  episodes += batch.length;
  // As autovacuum would soon after a bulk load: the planner's statistics still said "no rows".
  await db.query('ANALYZE');
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
         'sha256', encode(sha256(gen_random_uuid()::text::bytea), 'hex'), 'duration_seconds', x.seconds, 'retro_matched_at', now()))).*
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
