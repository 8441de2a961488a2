import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { FrameStore, MediaStore } from '@dramaguard/media';
import { Periodic } from '@dramaguard/queue';
import { DataSource } from 'typeorm';
import { AuditRepository, ClipRepository } from '@dramaguard/records';

const DAY_MS = 86_400_000;
const BATCH = 500;
/** Any constant shared by every worker: one applies the rules at a time. */
const RETENTION_LOCK = 0x44475254;
/** An upload still in `incoming/` after this long belongs to a request that died with its api process. */
const STALE_UPLOAD_MS = DAY_MS;

/**
 * Deletes what is no longer evidence: a suspect clip's video once
 * CLIP_RETENTION_DAYS have passed and no open, claimed or confirmed case
 * needs it (its row, result and cases stay; each deletion is audited), unless
 * another kept clip has the same content; its decoded frames; and uploads a
 * dead api process left in `incoming/`. Registered episodes are never deleted.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(RetentionService.name);
  private readonly periodic = new Periodic(() => this.apply(), this.log, 'retention pass');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly clips: ClipRepository,
    private readonly audit: AuditRepository,
    private readonly store: MediaStore,
    private readonly frameStore: FrameStore,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic.run().catch((e: Error) => this.log.warn(`retention pass failed, will retry: ${e.message}`));
    this.periodic.start(this.config.retention.intervalMs);
  }

  onModuleDestroy(): void {
    this.periodic.stop();
  }

  /** One pass; answers how many clip videos it deleted (0 when another worker holds the pass). */
  async apply(): Promise<number> {
    const before = new Date(Date.now() - this.config.retention.clipDays * DAY_MS);
    const purged = await this.db.transaction(async (em) => {
      const [{ locked }] = (await em.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RETENTION_LOCK])) as { locked: boolean }[];
      if (!locked) return 0;
      let count = 0;
      for (const clip of await this.clips.purgeable(em, before, BATCH)) {
        if (!clip.shared) await this.store.remove(clip.mediaKey);
        await this.frameStore.remove(clip.id);
        await this.clips.markPurged(em, clip.id);
        await this.audit.append(em, {
          actorId: null,
          action: 'clip.media_purged',
          subjectType: 'clip',
          subjectId: clip.id,
          before: { mediaKey: clip.mediaKey },
          after: { mediaKey: null, fileKept: clip.shared, retentionDays: this.config.retention.clipDays },
        });
        count++;
      }
      return count;
    });
    const stale = await this.store.sweepIncoming(STALE_UPLOAD_MS);
    if (purged || stale) this.log.log(`retention: deleted the videos of ${purged} clip(s) no case needs, ${stale} abandoned upload(s)`);
    return purged;
  }
}
