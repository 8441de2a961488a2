import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { decodeFingerprint } from '@dramaguard/fingerprint';
import { DEFAULT_MATCHER_OPTIONS, HashIndex, IndexedEpisode, markExcluded } from '@dramaguard/matcher';
import { FingerprintRepository, StoredFingerprint } from '../repositories';

const SYNC_BATCH = 200;

/**
 * This process's in-memory match index, keyed by registration id, each episode
 * with its share bytes (its holder's exclusions applied) and its work. It follows
 * the fingerprints table by `seq`: loaded when the worker starts, then pulled
 * incrementally before every match and on a timer, so episodes fingerprinted
 * by other workers become matchable here too. A shard would be an index that
 * pulls a subset of registrations; nothing here assumes it holds them all.
 */
@Injectable()
export class EpisodeIndex implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(EpisodeIndex.name);
  private readonly index = new HashIndex({ minQuality: DEFAULT_MATCHER_OPTIONS.minQuality });
  private lastSeq = '0';
  /** Syncs run one after another: two concurrent pulls would both read from the same `lastSeq`. */
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly fingerprints: FingerprintRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sync();
    this.log.log(`match index loaded: ${this.index.episodeCount} episodes`);
    this.timer = setInterval(() => {
      this.sync().catch((e: Error) => this.log.warn(`index sync failed, will retry: ${e.message}`));
    }, this.config.indexSyncIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The index, up to date with every fingerprint committed before the call. */
  async current(): Promise<HashIndex> {
    await this.sync();
    return this.index;
  }

  /** The seq of the last fingerprint indexed: everything written up to it is in the index. */
  get seq(): string {
    return this.lastSeq;
  }

  get episodeCount(): number {
    return this.index.episodeCount;
  }

  sync(): Promise<void> {
    const next = this.chain.then(() => this.pull());
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async pull(): Promise<void> {
    for (;;) {
      const rows = await this.fingerprints.since(this.lastSeq, SYNC_BATCH);
      if (!rows.length) return;
      this.index.add(rows.flatMap((r) => this.decoded(r)));
      this.lastSeq = rows[rows.length - 1].seq;
      if (rows.length < SYNC_BATCH) return;
    }
  }

  /**
   * A row written by an older fingerprint format cannot be decoded; it is left
   * out (and logged) rather than stopping every later row from being indexed.
   */
  private decoded(r: StoredFingerprint): IndexedEpisode[] {
    try {
      const fingerprint = decodeFingerprint(r.data);
      const shares = r.shares ? Uint8Array.from(r.shares) : new Uint8Array(fingerprint.frames);
      for (const x of r.exclusions) markExcluded(shares, x.startSeconds, x.endSeconds, fingerprint.fps);
      return [{ episode: r.registrationId, fingerprint, shares, group: r.workId }];
    } catch (e) {
      this.log.error(`fingerprint of registration ${r.registrationId} is unreadable and was not indexed: ${(e as Error).message}`);
      return [];
    }
  }
}
