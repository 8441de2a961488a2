import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { HashIndex, IndexedEpisode } from '@dramaguard/matcher';
import { FingerprintRepository, StoredFingerprint } from '../repositories';
import { indexedEpisode } from './stored-episode';

const SYNC_BATCH = 200;

/**
 * This process's in-memory match index, keyed by registration id: the key
 * frames of each episode with their share bytes (its holder's exclusions
 * applied) and its work; the full fingerprints stay in PostgreSQL
 * (ReferenceStore). It follows the fingerprints table by `seq`: loaded when
 * the worker starts, then pulled incrementally before every match and on a
 * timer, so episodes fingerprinted by other workers become matchable here too.
 * A shard would be an index that pulls a subset of registrations; nothing
 * here assumes it holds them all.
 */
@Injectable()
export class EpisodeIndex implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(EpisodeIndex.name);
  private readonly index = new HashIndex();
  /** The seq of the row each indexed episode was read from: a cached full fingerprint must be of the same row. */
  private readonly seqs = new Map<string, string>();
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

  /** Registration ids to the seq of the row the index holds, for those it holds. */
  seqsOf(registrationIds: readonly string[]): Map<string, string> {
    return new Map(registrationIds.flatMap((id) => (this.seqs.has(id) ? [[id, this.seqs.get(id) as string]] : [])));
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
      for (const r of rows) this.seqs.set(r.registrationId, r.seq);
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
      return [indexedEpisode(r)];
    } catch (e) {
      this.log.error(`fingerprint of registration ${r.registrationId} is unreadable and was not indexed: ${(e as Error).message}`);
      return [];
    }
  }
}
