import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { EpisodeEntity, RegistrationEntity } from '../entities';

export interface NewRegistration {
  readonly workId: string;
  readonly episodeNumber: number;
  readonly episodeTitle: string;
  readonly number: (serial: string) => string;
  readonly sha256: string;
  readonly mediaKey: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly durationSeconds: number;
  readonly width: number;
  readonly height: number;
  readonly hasAudio: boolean;
}

@Injectable()
export class RegistrationRepository {
  constructor(private readonly db: DataSource) {}

  findById(id: string): Promise<RegistrationEntity | null> {
    return this.db.getRepository(RegistrationEntity).findOne({ where: { id }, relations: { episode: { work: true } } });
  }

  /** With episode, work and the ranges its holder excluded (in episode order): everything GET /registrations/{id} shows. */
  findDetailed(id: string): Promise<RegistrationEntity | null> {
    return this.db.getRepository(RegistrationEntity).findOne({
      where: { id },
      relations: { episode: { work: true }, exclusions: true },
      order: { exclusions: { startSeconds: 'ASC', endSeconds: 'ASC', createdAt: 'ASC' } },
    });
  }

  /** With episode and work, for deciding who owns what a match found. */
  findByIds(ids: readonly string[]): Promise<RegistrationEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.getRepository(RegistrationEntity).find({ where: { id: In([...ids]) }, relations: { episode: { work: true } } });
  }

  findByNumber(number: string): Promise<RegistrationEntity | null> {
    return this.db.getRepository(RegistrationEntity).findOne({ where: { number }, relations: { episode: { work: true } } });
  }

  findBySha256(sha256: string): Promise<RegistrationEntity | null> {
    return this.db.getRepository(RegistrationEntity).findOneBy({ sha256 });
  }

  async episodeExists(workId: string, number: number): Promise<boolean> {
    return this.db.getRepository(EpisodeEntity).existsBy({ workId, number });
  }

  /** Episode and registration rows together, numbered from the registration sequence. */
  async insertWithEpisode(r: NewRegistration): Promise<RegistrationEntity> {
    return this.db.transaction(async (em) => {
      const episode = await em.save(em.create(EpisodeEntity, { workId: r.workId, number: r.episodeNumber, title: r.episodeTitle }));
      const [{ serial }] = (await em.query(`SELECT nextval('registration_number_seq')::text AS serial`)) as { serial: string }[];
      const registration = em.create(RegistrationEntity, {
        number: r.number(serial),
        episodeId: episode.id,
        sha256: r.sha256,
        mediaKey: r.mediaKey,
        fileName: r.fileName,
        sizeBytes: String(r.sizeBytes),
        durationSeconds: r.durationSeconds,
        width: r.width,
        height: r.height,
        hasAudio: r.hasAudio,
        status: 'queued',
        progress: 0,
        failureReason: null,
        fingerprintingStartedAt: null,
        registeredAt: null,
      });
      return em.save(registration);
    });
  }

  async deleteWithEpisode(registration: RegistrationEntity): Promise<void> {
    await this.db.transaction(async (em) => {
      await em.delete(RegistrationEntity, { id: registration.id });
      await em.delete(EpisodeEntity, { id: registration.episodeId });
    });
  }

  async markFingerprinting(id: string): Promise<void> {
    await this.db
      .getRepository(RegistrationEntity)
      .update({ id }, { status: 'fingerprinting', progress: 0, failureReason: null, fingerprintingStartedAt: new Date() });
  }

  /** Only while fingerprinting: a late progress write never reopens a finished registration. */
  async setProgress(id: string, progress: number): Promise<void> {
    await this.db.getRepository(RegistrationEntity).update({ id, status: 'fingerprinting' }, { progress });
  }

  /** Dated by the database's clock, as a clip's `received_at` is: a retro-match compares the two (RetroMatchService). */
  async markRegistered(em: EntityManager, id: string): Promise<void> {
    await em.update(RegistrationEntity, { id }, { status: 'registered', progress: 100, failureReason: null, registeredAt: () => 'clock_timestamp()' });
  }

  /** Held back: the fingerprint is stored but not indexed until an admin registers it. */
  async markConflict(em: EntityManager, id: string): Promise<void> {
    await em.update(RegistrationEntity, { id }, { status: 'conflict', progress: 100, failureReason: null });
  }

  async markRejected(em: EntityManager, id: string): Promise<void> {
    await em.update(RegistrationEntity, { id }, { status: 'rejected' });
  }

  async markQueued(id: string): Promise<void> {
    await this.db.getRepository(RegistrationEntity).update({ id }, { status: 'queued', progress: 0 });
  }

  /**
   * Claims for the retro-match job of `owner` a batch of registered episodes
   * not yet retro-matched: the owner first, then the longest waiting, up to
   * `limit`, each unclaimed, claimed by this owner already (a retried job
   * takes its batch back), or claimed by a job whose claim has run out.
   * Empty when the owner itself is done or in another job's live batch. Rows
   * another job is claiming at this moment are skipped, not waited for.
   */
  claimRetroBatch(owner: string, limit: number, leaseMs: number): Promise<string[]> {
    const claimable = `status = 'registered' AND retro_matched_at IS NULL AND (retro_claimed_by IS NULL OR retro_claimed_by = $1 OR retro_claimed_until < now())`;
    return this.db.transaction(async (em) => {
      // Waits for a job claiming the owner right now, then sees its claim.
      const own = (await em.query(`SELECT id FROM registrations WHERE id = $1 AND ${claimable} FOR UPDATE`, [owner])) as unknown[];
      if (!own.length) return [];
      const rows = (await em.query(
        `UPDATE registrations r SET retro_claimed_by = $1, retro_claimed_until = now() + $3 * interval '1 millisecond'
         FROM (SELECT id FROM registrations WHERE ${claimable} ORDER BY id = $1 DESC, registered_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) batch
         WHERE r.id = batch.id RETURNING r.id`,
        [owner, limit, leaseMs],
      )) as [{ id: string }[], number];
      return rows[0].map((r) => r.id);
    });
  }

  /** Keeps the owner's batch claimed for another `leaseMs`. */
  async renewRetroClaim(owner: string, leaseMs: number): Promise<void> {
    await this.db.query(`UPDATE registrations SET retro_claimed_until = now() + $2 * interval '1 millisecond' WHERE retro_claimed_by = $1 AND retro_matched_at IS NULL`, [owner, leaseMs]);
  }

  async markRetroMatched(ids: readonly string[]): Promise<void> {
    await this.db.query(`UPDATE registrations SET retro_matched_at = now(), retro_claimed_by = NULL, retro_claimed_until = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * Registrations whose work is not finished: to fingerprint, or registered
   * but not yet retro-matched and in no live batch (a live batch's job
   * answers for them).
   */
  async unfinished(): Promise<{ toFingerprint: string[]; toRetroMatch: string[] }> {
    const rows = (await this.db.query(
      `SELECT id, status FROM registrations WHERE status IN ('queued', 'fingerprinting')
       OR (status = 'registered' AND retro_matched_at IS NULL AND (retro_claimed_until IS NULL OR retro_claimed_until < now()))`,
    )) as { id: string; status: string }[];
    return { toFingerprint: rows.filter((r) => r.status !== 'registered').map((r) => r.id), toRetroMatch: rows.filter((r) => r.status === 'registered').map((r) => r.id) };
  }

  async markFailed(id: string, reason: string): Promise<void> {
    await this.db.getRepository(RegistrationEntity).update({ id }, { status: 'failed', failureReason: reason });
  }
}
