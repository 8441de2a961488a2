import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FingerprintEntity } from '../entities';

export interface StoredFingerprint {
  readonly registrationId: string;
  readonly seq: string;
  readonly data: Buffer;
  /** Share bytes (null: nothing shared), the episode's work, and the ranges its holder excluded. */
  readonly shares: Buffer | null;
  readonly workId: string;
  readonly exclusions: ReadonlyArray<{ startSeconds: number; endSeconds: number }>;
  /** The soundtrack's print and its share bytes; null without a soundtrack. */
  readonly audio: Buffer | null;
  readonly audioShares: Buffer | null;
}

/** Any constant shared by every writer: serialises fingerprint writes (see `upsert`). */
const FINGERPRINT_WRITE_LOCK = 0x44474650;

@Injectable()
export class FingerprintRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Inserts or replaces a registration's fingerprint with a fresh `seq`.
   * Workers sync with `seq > last seen`, which is only safe if rows become
   * visible in `seq` order; without the lock a transaction that drew a lower
   * seq could commit after a higher one had been read, and be skipped forever.
   */
  async upsert(
    em: EntityManager,
    f: { registrationId: string; fps: number; frameCount: number; data: Buffer; shares: Buffer | null; audio?: Buffer | null; audioShares?: Buffer | null },
  ): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [FINGERPRINT_WRITE_LOCK]);
    await em.query(
      `INSERT INTO fingerprints (registration_id, fps, frame_count, data, shares, audio, audio_shares) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (registration_id) DO UPDATE
         SET fps = EXCLUDED.fps, frame_count = EXCLUDED.frame_count, data = EXCLUDED.data, shares = EXCLUDED.shares,
             audio = EXCLUDED.audio, audio_shares = EXCLUDED.audio_shares,
             seq = nextval(pg_get_serial_sequence('fingerprints', 'seq'))`,
      [f.registrationId, f.fps, f.frameCount, f.data, f.shares, f.audio ?? null, f.audioShares ?? null],
    );
  }

  /**
   * Audio share bytes of fingerprints, locked for update as `sharesForUpdate`
   * locks the picture's, with the first 8 bytes of each soundtrack print (its
   * header, which holds its item count: audioItemCount); only episodes with a
   * soundtrack are answered.
   */
  async audioSharesForUpdate(em: EntityManager, registrationIds: readonly string[]): Promise<Map<string, { audioHeader: Buffer; shares: Buffer | null }>> {
    if (!registrationIds.length) return new Map();
    const rows = (await em.query(
      `SELECT registration_id, substring(audio FROM 1 FOR 8) AS audio_header, audio_shares FROM fingerprints
       WHERE registration_id = ANY($1::uuid[]) AND audio IS NOT NULL ORDER BY registration_id FOR UPDATE`,
      [registrationIds],
    )) as { registration_id: string; audio_header: Buffer; audio_shares: Buffer | null }[];
    return new Map(rows.map((r) => [r.registration_id, { audioHeader: r.audio_header, shares: r.audio_shares }]));
  }

  /** The soundtracks of registered episodes (those that have one), without their pictures' fingerprints. */
  async soundtracksOf(registrationIds: readonly string[]): Promise<{ registrationId: string; audio: Buffer; audioShares: Buffer | null }[]> {
    if (!registrationIds.length) return [];
    const rows = (await this.db.query(
      `SELECT f.registration_id, f.audio, f.audio_shares FROM fingerprints f JOIN registrations r ON r.id = f.registration_id
       WHERE f.registration_id = ANY($1::uuid[]) AND f.audio IS NOT NULL AND r.status = 'registered'`,
      [registrationIds],
    )) as { registration_id: string; audio: Buffer; audio_shares: Buffer | null }[];
    return rows.map((r) => ({ registrationId: r.registration_id, audio: r.audio, audioShares: r.audio_shares }));
  }

  async updateAudioShares(em: EntityManager, registrationId: string, shares: Buffer): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [FINGERPRINT_WRITE_LOCK]);
    await em.query(`UPDATE fingerprints SET audio_shares = $2, seq = nextval(pg_get_serial_sequence('fingerprints', 'seq')) WHERE registration_id = $1`, [
      registrationId,
      shares,
    ]);
  }

  /**
   * Share bytes of registered fingerprints, locked for update until the
   * caller's transaction ends, so two registrations learning what they share
   * with the same episode do not overwrite each other.
   */
  async sharesForUpdate(em: EntityManager, registrationIds: readonly string[]): Promise<Map<string, { frameCount: number; shares: Buffer | null }>> {
    if (!registrationIds.length) return new Map();
    const rows = (await em.query(`SELECT registration_id, frame_count, shares FROM fingerprints WHERE registration_id = ANY($1::uuid[]) ORDER BY registration_id FOR UPDATE`, [
      registrationIds,
    ])) as { registration_id: string; frame_count: number; shares: Buffer | null }[];
    return new Map(rows.map((r) => [r.registration_id, { frameCount: r.frame_count, shares: r.shares }]));
  }

  /** Stores new share bytes with a fresh `seq`, so every worker re-indexes the episode with them. */
  async updateShares(em: EntityManager, registrationId: string, shares: Buffer): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [FINGERPRINT_WRITE_LOCK]);
    await em.query(`UPDATE fingerprints SET shares = $2, seq = nextval(pg_get_serial_sequence('fingerprints', 'seq')) WHERE registration_id = $1`, [
      registrationId,
      shares,
    ]);
  }

  /**
   * Gives a held (conflict) fingerprint a fresh `seq` when an admin registers
   * it, under the same lock as `upsert`, so every worker's next sync picks it up.
   */
  async touch(em: EntityManager, registrationId: string): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [FINGERPRINT_WRITE_LOCK]);
    await em.query(`UPDATE fingerprints SET seq = nextval(pg_get_serial_sequence('fingerprints', 'seq')) WHERE registration_id = $1`, [registrationId]);
  }

  /**
   * Registered episodes whose fingerprint was written after the index that
   * answered for their shard (`since`: each shard's index seq), read inside
   * the caller's transaction: one query for every shard of a clip's merge.
   * The lowest seq is given as a value of its own: compared only with the
   * pairs', the planner cannot use the seq index, and read the whole 10,000 h
   * registry (430 ms against 2).
   */
  async registeredAfter(em: EntityManager, since: readonly { readonly shard: number; readonly seq: string }[]): Promise<string[]> {
    if (!since.length) return [];
    const lowest = since.map((s) => BigInt(s.seq)).reduce((a, b) => (b < a ? b : a));
    const rows = (await em.query(
      `SELECT f.registration_id FROM fingerprints f JOIN registrations r ON r.id = f.registration_id
       JOIN episodes e ON e.id = r.episode_id JOIN works w ON w.id = e.work_id
       JOIN unnest($1::int[], $2::bigint[]) AS s(shard, seq) ON s.shard = w.shard
       WHERE f.seq > $3::bigint AND f.seq > s.seq AND r.status = 'registered'`,
      [since.map((s) => s.shard), since.map((s) => s.seq), lowest.toString()],
    )) as { registration_id: string }[];
    return rows.map((r) => r.registration_id);
  }

  async dataOf(registrationId: string): Promise<Buffer | null> {
    return (await this.db.getRepository(FingerprintEntity).findOne({ where: { registrationId }, select: { registrationId: true, data: true } }))?.data ?? null;
  }

  exists(registrationId: string): Promise<boolean> {
    return this.db.getRepository(FingerprintEntity).existsBy({ registrationId });
  }

  /**
   * The fingerprints written after `afterSeq`, `limit` at a time in `seq`
   * order: those of registered episodes of the given shards, and how far the
   * scan went (`scannedTo`, null when nothing was written since). The scan
   * walks the `seq` index alone, and only its rows are joined: a query that
   * joined and filtered first took seconds per call at 400,000 episodes, even
   * with nothing new, and every worker asks before every match. A fingerprint
   * held in conflict is skipped; it gets a fresh seq if an admin registers it (`touch`).
   */
  async since(afterSeq: string, limit: number, shards: readonly number[]): Promise<{ rows: StoredFingerprint[]; scanned: number; scannedTo: string | null }> {
    // Ordered by the column, not the text alias: "10" < "9" as text, and a batch cut in text order skips rows for good.
    const scan = (await this.db.query(`SELECT registration_id, seq::text AS seq FROM fingerprints WHERE seq > $1::bigint ORDER BY fingerprints.seq LIMIT $2`, [afterSeq, limit])) as {
      registration_id: string;
      seq: string;
    }[];
    if (!scan.length) return { rows: [], scanned: 0, scannedTo: null };
    // Driven from the scanned ids: with `= ANY` the planner started from the works of the shard when its statistics
    // were stale after a bulk load (estimated 1 work, found 128), and took 2 s a batch instead of 55 ms.
    const rows = await this.registered(`w.shard = ANY($2::smallint[])`, [scan.map((r) => r.registration_id), shards], `unnest($1::uuid[]) AS s(id) JOIN fingerprints f ON f.registration_id = s.id`);
    rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
    return { rows, scanned: scan.length, scannedTo: scan[scan.length - 1].seq };
  }

  /** The fingerprints of the given registered episodes: what verification reads for a match's candidates. */
  ofRegistrations(registrationIds: readonly string[]): Promise<StoredFingerprint[]> {
    if (!registrationIds.length) return Promise.resolve([]);
    return this.registered(`f.registration_id = ANY($1::uuid[])`, [registrationIds]);
  }

  /** The registered episodes of the works the given registrations belong to, themselves included if registered. */
  familyOf(registrationIds: readonly string[]): Promise<StoredFingerprint[]> {
    if (!registrationIds.length) return Promise.resolve([]);
    return this.registered(
      `e.work_id IN (SELECT e2.work_id FROM registrations r2 JOIN episodes e2 ON e2.id = r2.episode_id WHERE r2.id = ANY($1::uuid[]))`,
      [registrationIds],
    );
  }

  private async registered(where: string, params: unknown[], from = 'fingerprints f'): Promise<StoredFingerprint[]> {
    const rows = (await this.db.query(
      `SELECT f.registration_id, f.seq::text AS seq, f.data, f.shares, f.audio, f.audio_shares, e.work_id,
              COALESCE((SELECT json_agg(json_build_object('startSeconds', x.start_seconds, 'endSeconds', x.end_seconds))
                        FROM reference_exclusions x WHERE x.registration_id = f.registration_id), '[]') AS exclusions
       FROM ${from} JOIN registrations r ON r.id = f.registration_id JOIN episodes e ON e.id = r.episode_id JOIN works w ON w.id = e.work_id
       WHERE r.status = 'registered' AND ${where}`,
      params,
    )) as { registration_id: string; seq: string; data: Buffer; shares: Buffer | null; audio: Buffer | null; audio_shares: Buffer | null; work_id: string; exclusions: StoredFingerprint['exclusions'] }[];
    return rows.map((r) => ({ registrationId: r.registration_id, seq: r.seq, data: r.data, shares: r.shares, workId: r.work_id, exclusions: r.exclusions, audio: r.audio, audioShares: r.audio_shares }));
  }
}
