import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { IdTable } from '@dramaguard/hash-index';
import { collectGarbage } from '../matching/collect-garbage';
import { MatchThread } from '../matching/match-thread.service';
import { FingerprintRepository } from '@dramaguard/records';

/** Rows per read while loading: big enough that round trips do not dominate a cold start, small enough to post to the thread at once. */
const SYNC_BATCH = 1000;
/**
 * Key frames added since the last pack, as a share of the index, from which a
 * sync packs the index again (HashIndex.startPack): chained entries cost
 * about 4x the lookup time of packed ones, and a pack costs time in
 * proportion to the whole index (about 4 s of the match thread at 15 M
 * entries, in steps between its other requests), so it waits until an eighth
 * of the index is chained, and at least REPACK_MIN entries.
 */
const REPACK_SHARE = 1 / 8;
const REPACK_MIN = 1 << 16;

/**
 * Keeps this process's match index, held by its match thread and keyed by
 * registration id, in step with the fingerprints table: the key frames of each
 * registered episode of the shards this worker serves (SHARDS,
 * WORKER_SHARDS), with their share bytes (its holder's exclusions applied)
 * and its work; the full fingerprints stay in PostgreSQL (ReferenceStore). It
 * follows the table by `seq`: loaded when the worker starts, then pulled
 * incrementally before every match and on a timer, so episodes fingerprinted
 * by other workers become matchable here too.
 */
@Injectable()
export class EpisodeIndex implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(EpisodeIndex.name);
  private lastSeq = '0';
  private episodes = 0;
  private loaded = false;
  /** Memory the match thread's index holds (HashIndex.memoryBytes), as of the last sync that indexed anything. */
  private bytes = 0;
  /** Key frames in the index, and those added since it was last packed, as of the last sync that indexed anything. */
  private entries = 0;
  private unpacked = 0;
  /** A pack in steps is under way: the timer starts no other. */
  private packing = false;
  /**
   * The seq of the row each indexed episode was read from (by its number in
   * `ids`): a cached full fingerprint must be of the same row. Compact, as a
   * shard holds 100,000 episodes (IdTable says why).
   */
  private readonly ids = new IdTable();
  private readonly seqs: number[] = [];
  /** Syncs run one after another: two concurrent pulls would both read from the same `lastSeq`. */
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly fingerprints: FingerprintRepository,
    private readonly thread: MatchThread,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const serving = this.config.shards.serves.length > 0;
    // Nothing is matched before the index is loaded and packed, so what loads goes straight to the pack's words, never chained.
    if (serving) await this.thread.request({ op: 'stage' });
    await this.sync();
    if (serving) {
      await this.pack(false);
      const warming = Date.now();
      await this.thread.request({ op: 'warm-up' });
      this.log.log(`match thread warmed up in ${Date.now() - warming} ms`);
    }
    // What loading read and dropped (the chains, once packed) is returned to the system now, not whenever V8 next collects in full.
    await this.thread.request({ op: 'collect' });
    collectGarbage();
    this.loaded = true;
    this.log.log(`match index loaded: ${this.episodes} episodes`);
    this.timer = setInterval(() => {
      this.sync()
        .then(() => (!this.packing && this.unpacked >= REPACK_MIN && this.unpacked >= this.entries * REPACK_SHARE ? this.pack(true) : undefined))
        .catch((e: Error) => this.log.warn(`index sync failed, will retry: ${e.message}`));
    }, this.config.indexSyncIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The seq of the last fingerprint indexed: everything written up to it is in the index. */
  get seq(): string {
    return this.lastSeq;
  }

  get episodeCount(): number {
    return this.episodes;
  }

  /** Bytes the index holds in the match thread. */
  get indexBytes(): number {
    return this.bytes;
  }

  /** True once the first sync at boot has finished: before, matches would miss what is registered. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Registration ids to the seq of the row the index holds, for those it holds. */
  seqsOf(registrationIds: readonly string[]): Map<string, string> {
    return new Map(
      registrationIds.flatMap((id) => {
        const n = this.ids.find(id);
        return n < 0 ? [] : [[id, String(this.seqs[n])]];
      }),
    );
  }

  /** True once the episode is indexed, after a sync. */
  async has(registrationId: string): Promise<boolean> {
    await this.sync();
    return this.thread.request({ op: 'has', episode: registrationId });
  }

  private setSeq(registrationId: string, seq: string): void {
    const known = this.ids.find(registrationId);
    this.seqs[known < 0 ? this.ids.add(registrationId) : known] = Number(seq);
  }

  /**
   * At boot, at once; while serving, in steps between the thread's other
   * requests, which it takes meanwhile (matches, syncs): it takes longer in
   * all, but no match waits seconds for it.
   */
  private async pack(inSteps: boolean): Promise<void> {
    const started = Date.now();
    const added = this.unpacked;
    this.packing = true;
    try {
      this.unpacked = await this.thread.request({ op: 'pack', inSteps });
    } finally {
      this.packing = false;
    }
    this.log.log(`packed ${this.entries} key frame(s), ${added} of them added since the last pack, in ${Date.now() - started} ms${inSteps ? ' in steps between requests' : ''}`);
  }

  sync(): Promise<void> {
    const next = this.chain.then(() => this.pull());
    this.chain = next.catch(() => undefined);
    return next;
  }

  /**
   * A row written by an older fingerprint format cannot be decoded; it is left
   * out (and logged) rather than stopping every later row from being indexed.
   */
  private async pull(): Promise<void> {
    if (!this.config.shards.serves.length) return;
    const started = Date.now();
    let indexed = 0;
    let indexMs = 0;
    for (;;) {
      const { rows, scanned, scannedTo } = await this.fingerprints.since(this.lastSeq, SYNC_BATCH, this.config.shards.serves);
      if (!scannedTo) break;
      if (rows.length) {
        const sent = Date.now();
        const { episodes, bytes, entries, unpacked, unreadable } = await this.thread.request({ op: 'index', rows });
        indexMs += Date.now() - sent;
        indexed += rows.length;
        this.bytes = bytes;
        this.entries = entries;
        this.unpacked = unpacked;
        for (const r of rows) this.setSeq(r.registrationId, r.seq);
        for (const u of unreadable) this.log.error(`fingerprint of registration ${u.registrationId} is unreadable and was not indexed: ${u.reason}`);
        this.episodes = episodes;
      }
      this.lastSeq = scannedTo;
      if (scanned < SYNC_BATCH) break;
      // A full batch means more follow (loading, or a long catch-up). The rows
      // just read are garbage once posted, but V8 frees their off-heap buffers
      // only when it next collects in full; until then the process's malloc
      // heap grows to hold batch after batch and never shrinks again. Measured
      // on 40,032 episodes in one process: 336-348 MB resident after loading
      // without this, 281-293 MB with it; loading took 9.5-10.8 s against 8.1-9.9 s.
      collectGarbage();
    }
    if (indexed) this.log.log(`indexed ${indexed} episode(s) in ${Date.now() - started} ms, ${indexMs} ms of it index work (${this.episodes} in the index)`);
  }
}
