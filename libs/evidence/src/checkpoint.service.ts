import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { Periodic } from '@dramaguard/queue';
import { DataSource } from 'typeorm';
import { AuditCheckpointEntity, AuditCheckpointRepository, AuditRepository, canonicalJson, Page, PageRequest, pageWindow } from '@dramaguard/records';
import { Checkpoint, checkpointOf } from './checkpoint';
import { SigningKey } from './signing-key.service';

export interface SignedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The canonical JSON: exactly the bytes the signature covers. */
  readonly json: string;
  readonly signatureBase64: string;
}

/** Any constant shared by every api instance: one records a checkpoint at a time. */
const CHECKPOINT_LOCK = 0x44474350;

/**
 * Signs the audit chain's head with the service's Ed25519 key (public key at
 * /keys/signing): on request, and every CHECKPOINT_INTERVAL_MS into a
 * published history when the head has moved, so that a registration can be
 * shown to predate a checkpoint its holder never asked for. Runs in the api,
 * the process that holds the signing key.
 */
@Injectable()
export class CheckpointService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(CheckpointService.name);
  private readonly periodic = new Periodic(() => this.record(), this.log, 'recording a checkpoint');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DataSource,
    private readonly audit: AuditRepository,
    private readonly checkpoints: AuditCheckpointRepository,
    private readonly key: SigningKey,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic.start(this.config.checkpointIntervalMs);
  }

  onModuleDestroy(): void {
    this.periodic.stop();
  }

  async current(): Promise<SignedCheckpoint> {
    return this.sign(checkpointOf(await this.audit.head(), new Date()));
  }

  /** Signs and keeps a checkpoint unless the last one kept has the same head; answers whether it kept one. */
  async record(): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const [{ locked }] = (await em.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [CHECKPOINT_LOCK])) as { locked: boolean }[];
      if (!locked) return false;
      const state = await this.audit.head();
      if ((await this.checkpoints.latest(em))?.head === state.head) return false;
      const signed = this.sign(checkpointOf(state, new Date()));
      await this.checkpoints.insert(em, { at: new Date(signed.checkpoint.at), entries: state.entries, head: state.head, json: signed.json, signature: signed.signatureBase64 });
      return true;
    });
  }

  async list(request: PageRequest): Promise<Page<AuditCheckpointEntity>> {
    const { page, pageSize, offset } = pageWindow(request);
    const [items, total] = await this.checkpoints.page(offset, pageSize);
    return { items, total, page, pageSize };
  }

  private sign(checkpoint: Checkpoint): SignedCheckpoint {
    const json = canonicalJson(checkpoint);
    return { checkpoint, json, signatureBase64: this.key.sign(Buffer.from(json, 'utf8')).toString('base64') };
  }
}
