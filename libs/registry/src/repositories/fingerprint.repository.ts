import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FingerprintEntity } from '../entities';

export interface StoredFingerprint {
  readonly registrationId: string;
  readonly seq: string;
  readonly data: Buffer;
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
  async upsert(em: EntityManager, f: { registrationId: string; fps: number; frameCount: number; data: Buffer }): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [FINGERPRINT_WRITE_LOCK]);
    await em.query(
      `INSERT INTO fingerprints (registration_id, fps, frame_count, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (registration_id) DO UPDATE
         SET fps = EXCLUDED.fps, frame_count = EXCLUDED.frame_count, data = EXCLUDED.data,
             seq = nextval(pg_get_serial_sequence('fingerprints', 'seq'))`,
      [f.registrationId, f.fps, f.frameCount, f.data],
    );
  }

  /**
   * Gives a held (conflict) fingerprint a fresh `seq` when an admin registers
   * it, under the same lock as `upsert`, so every worker's next sync picks it up.
   */
  async touch(em: EntityManager, registrationId: string): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [FINGERPRINT_WRITE_LOCK]);
    await em.query(`UPDATE fingerprints SET seq = nextval(pg_get_serial_sequence('fingerprints', 'seq')) WHERE registration_id = $1`, [registrationId]);
  }

  /** Registered episodes whose fingerprint was written after `afterSeq`, read inside the caller's transaction. */
  async registeredAfter(em: EntityManager, afterSeq: string): Promise<string[]> {
    const rows = (await em.query(
      `SELECT f.registration_id FROM fingerprints f JOIN registrations r ON r.id = f.registration_id
       WHERE f.seq > $1::bigint AND r.status = 'registered'`,
      [afterSeq],
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
   * The next `limit` fingerprints of registered episodes written after
   * `afterSeq`, oldest first. A fingerprint held in conflict is skipped; it
   * gets a fresh seq if an admin registers it (`touch`).
   */
  async since(afterSeq: string, limit: number): Promise<StoredFingerprint[]> {
    const rows = (await this.db.query(
      `SELECT f.registration_id, f.seq::text AS seq, f.data FROM fingerprints f JOIN registrations r ON r.id = f.registration_id
       WHERE f.seq > $1::bigint AND r.status = 'registered' ORDER BY f.seq LIMIT $2`,
      [afterSeq, limit],
    )) as { registration_id: string; seq: string; data: Buffer }[];
    return rows.map((r) => ({ registrationId: r.registration_id, seq: r.seq, data: r.data }));
  }
}
