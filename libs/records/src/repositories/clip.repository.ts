import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, MoreThanOrEqual } from 'typeorm';
import { ClipEntity } from '../entities';

export type NewClip = Pick<
  ClipEntity,
  'sha256' | 'mediaKey' | 'fileName' | 'durationSeconds' | 'width' | 'height' | 'submittedBy' | 'purpose' | 'platform' | 'uploaderAccount' | 'territory' | 'usedOn'
> & { sizeBytes: number };

@Injectable()
export class ClipRepository {
  constructor(private readonly db: DataSource) {}

  insert(clip: NewClip): Promise<ClipEntity> {
    const repo = this.db.getRepository(ClipEntity);
    return repo.save(repo.create({ ...clip, sizeBytes: String(clip.sizeBytes), status: 'queued', progress: 0, failureReason: null, matchedAt: null }));
  }

  findById(id: string): Promise<ClipEntity | null> {
    return this.db.getRepository(ClipEntity).findOneBy({ id });
  }

  /**
   * What a shard reads of a clip before each of its jobs: whether it is still
   * being matched, by how many shards since when, and whether its soundtrack's
   * probe (audioOf) is there to read. Plain SQL: a shard asks several times
   * per clip on its main thread (ShardAnswerRepository says why).
   */
  async roundOf(id: string): Promise<(Pick<ClipEntity, 'id' | 'status' | 'shardCount' | 'fannedOutAt'> & { sounding: boolean }) | null> {
    const rows = (await this.db.query(`SELECT status, shard_count, fanned_out_at, audio IS NOT NULL AS sounding FROM clips WHERE id = $1`, [id])) as {
      status: ClipEntity['status'];
      shard_count: number | null;
      fanned_out_at: Date | null;
      sounding: boolean;
    }[];
    return rows.length ? { id, status: rows[0].status, shardCount: rows[0].shard_count, fannedOutAt: rows[0].fanned_out_at, sounding: rows[0].sounding } : null;
  }

  async audioOf(id: string, em?: EntityManager): Promise<Buffer | null> {
    const rows = (await (em ?? this.db).query(`SELECT audio FROM clips WHERE id = $1`, [id])) as { audio: Buffer | null }[];
    return rows[0]?.audio ?? null;
  }

  async setAudio(id: string, audio: Buffer | null): Promise<void> {
    await this.db.query(`UPDATE clips SET audio = $2 WHERE id = $1`, [id, audio]);
  }

  async delete(id: string): Promise<void> {
    await this.db.getRepository(ClipEntity).delete({ id });
  }

  async markMatching(id: string): Promise<void> {
    await this.db.getRepository(ClipEntity).update({ id }, { status: 'matching', progress: 0, failureReason: null, shardCount: null, fannedOutAt: null });
  }

  async setProgress(id: string, progress: number): Promise<void> {
    await this.db.query(`UPDATE clips SET progress = $2 WHERE id = $1 AND status = 'matching'`, [id, progress]);
  }

  /**
   * Matched (done or incomplete) suspect clips received since `since` whose
   * video is still kept (see RetentionService), locked
   * for share: a clip whose merge is committing right now is waited for and
   * then seen as matched, never skipped (see ClipMergeService.merge).
   */
  async doneChecksSince(em: EntityManager, since: Date): Promise<ClipEntity[]> {
    const rows = await em.find(ClipEntity, {
      where: { receivedAt: MoreThanOrEqual(since), purpose: 'infringement_check' },
      order: { receivedAt: 'ASC' },
      lock: { mode: 'pessimistic_read' },
    });
    return rows.filter((c) => (c.status === 'done' || c.status === 'incomplete') && c.mediaPurgedAt === null);
  }

  async markDone(em: EntityManager, id: string): Promise<void> {
    await em.update(ClipEntity, { id }, { status: 'done', progress: 100, failureReason: null, matchedAt: new Date() });
  }

  /** Decoded and sent to `shards` shards; the merge waits for their answers from now. */
  async markFannedOut(id: string, shards: number, at: Date): Promise<void> {
    await this.db.getRepository(ClipEntity).update({ id }, { shardCount: shards, fannedOutAt: at });
  }

  /** The clip, locked until the caller's transaction ends: one merge at a time. */
  lockForMerge(em: EntityManager, id: string): Promise<ClipEntity | null> {
    return em.findOne(ClipEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async markIncomplete(em: EntityManager, id: string, reason: string): Promise<void> {
    await em.update(ClipEntity, { id }, { status: 'incomplete', progress: 100, failureReason: reason, matchedAt: new Date() });
  }

  async markQueued(id: string): Promise<void> {
    await this.db.getRepository(ClipEntity).update({ id }, { status: 'queued', progress: 0 });
  }

  /** Clips not matched yet, or matched without every shard's answer. */
  async unfinished(): Promise<string[]> {
    // The statuses written out, not bound: a generic plan could not prove they fall within ix_clips_unfinished's.
    const rows = (await this.db.query(`SELECT id FROM clips WHERE status IN ('queued', 'matching', 'incomplete')`)) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * Settled clips received before `before` that no open, claimed or confirmed
   * case needs, still holding their video, with whether another clip that
   * keeps its video shares the same stored file (same content).
   */
  async purgeable(em: EntityManager, before: Date, limit: number): Promise<{ id: string; mediaKey: string; shared: boolean }[]> {
    const needed = (c: string) => `EXISTS (SELECT 1 FROM cases x WHERE x.clip_id = ${c}.id AND x.status IN ('open', 'claimed', 'confirmed'))`;
    const kept = `(k.received_at >= $1 OR k.status NOT IN ('done', 'incomplete', 'failed') OR ${needed('k')})`;
    const rows = (await em.query(
      `SELECT c.id, c.media_key,
              EXISTS (SELECT 1 FROM clips k WHERE k.media_key = c.media_key AND k.id <> c.id AND k.media_purged_at IS NULL AND ${kept}) AS shared
       FROM clips c
       WHERE c.received_at < $1 AND c.status IN ('done', 'incomplete', 'failed') AND c.media_purged_at IS NULL AND NOT ${needed('c')}
       ORDER BY c.received_at LIMIT $2`,
      [before, limit],
    )) as { id: string; media_key: string; shared: boolean }[];
    return rows.map((r) => ({ id: r.id, mediaKey: r.media_key, shared: r.shared }));
  }

  async markPurged(em: EntityManager, id: string): Promise<void> {
    await em.update(ClipEntity, { id }, { mediaPurgedAt: new Date() });
  }

  async markFailed(id: string, reason: string): Promise<void> {
    await this.db.getRepository(ClipEntity).update({ id }, { status: 'failed', failureReason: reason });
  }
}
