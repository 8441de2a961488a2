import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { GreyFrame, GreyFrameBlock } from '@dramaguard/fingerprint';
import { Reference } from '@dramaguard/hash-index';
import { EpisodeMatch, MatcherOptions, ProposedLine, QueryProbe } from '@dramaguard/matcher';
import { Worker } from 'node:worker_threads';
import type { StoredFingerprint } from '@dramaguard/records';
import { collectGarbage } from './collect-garbage';
import { FrameBuffers } from './frame-buffers';
import { threadEntry } from './thread-entry';
import { AnsweredOp, MatchReplies, MatchRequest, MatchResponse, MatchThreadData, SessionKind } from './match-protocol';

/**
 * The thread's young generation, at most. V8's default lets it grow to tens of
 * megabytes that stay resident in every shard process; the thread's large
 * data are typed arrays outside that space.
 */
const YOUNG_GENERATION_MB = 4;

/**
 * How long no session may be open before the worker gives back what its last
 * matches left: the spare frame buffer and both threads' garbage. A shard that
 * matches without pause keeps them; one that has gone quiet does not sit on
 * the memory of its busiest moment (docs/BENCHMARK.md, section 16). Not
 * shorter: each give-back is a full collection of both threads' heaps. Since
 * keepShapes it no longer throws away the matcher's compiled code, but a
 * give-back after every clip still cost the shards 42 % more CPU (section 31).
 */
export const IDLE_MS = 30_000;

/**
 * The worker process's match thread (match-thread.ts): the key-frame index
 * and all hashing and matching run there, so this thread's event loop is free
 * for IO and for renewing BullMQ's job locks. Built code runs the compiled
 * thread; code run from TypeScript sources (the specs) runs it through ts-node.
 */
@Injectable()
export class MatchThread implements OnModuleDestroy {
  private readonly log = new Logger(MatchThread.name);
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private nextSession = 1;
  private stopped: string | null = null;
  private readonly buffers = new FrameBuffers();
  private openSessions = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  /** `verifyThreads`: how many threads verify a clip's candidates side by side, the match thread included (VerifyPool). */
  constructor(verifyThreads = 1) {
    const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
    const workerData: MatchThreadData = { verifyThreads, resourceLimits };
    const { file, options } = threadEntry('match-thread', { resourceLimits, workerData });
    this.worker = new Worker(file, options);
    this.worker.on('message', (r: MatchResponse) => {
      const waiting = this.pending.get(r.id);
      if (!waiting) return;
      this.pending.delete(r.id);
      if ('error' in r) waiting.reject(new Error(r.error));
      else waiting.resolve(r.value);
    });
    this.worker.on('error', (e) => this.stop(`the match thread failed: ${e.message}`));
    this.worker.on('exit', (code) => this.stop(`the match thread exited (code ${code})`));
  }

  async onModuleDestroy(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.stopped = 'the worker is shutting down';
    await this.worker.terminate();
  }

  request<O extends AnsweredOp>(request: Extract<MatchRequest, { op: O }>): Promise<MatchReplies[O]> {
    if (this.stopped) return Promise.reject(new Error(this.stopped));
    const id = this.nextId++;
    return new Promise<MatchReplies[O]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, request });
    });
  }

  /**
   * The geometries a clip's sparse round finds support for in this shard,
   * from its full probe: what the other shards are told before they plan.
   * The round is kept under `key` for the plan that follows (MatchSession.plan).
   */
  geometry(key: string, probe: QueryProbe, options: Partial<MatcherOptions> = {}): Promise<MatchReplies['geometry']> {
    return this.request({ op: 'geometry', key, options, probe });
  }

  /**
   * Stage one of a clip window from its full probe, trying the `tags` other
   * shards found support for, continuing the sparse round kept under `key`:
   * the lines it proposes, for the budget over every shard's. The stage one
   * is kept under `key` for the verification that follows (MatchSession.plan
   * with every shard's proposals).
   */
  candidates(key: string, probe: QueryProbe, tags: readonly number[], options: Partial<MatcherOptions> = {}): Promise<MatchReplies['candidates']> {
    return this.request({ op: 'candidates', key, options, probe, tags });
  }

  /** A video in the thread, its frames used as `kind` says. */
  async open(kind: SessionKind): Promise<MatchSession> {
    const session = this.nextSession++;
    this.openSessions++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    try {
      await this.request({ op: 'open', session, kind });
    } catch (e) {
      this.closed();
      throw e;
    }
    return new MatchSession(
      this,
      session,
      (frame) => this.worker.postMessage({ id: 0, request: { op: 'frame', session, frame } }),
      (block) => this.worker.postMessage({ id: 0, request: { op: 'frames', session, block } }),
      this.buffers,
      () => this.closed(),
    );
  }

  private closed(): void {
    if (--this.openSessions > 0 || this.stopped) return;
    this.idleTimer = setTimeout(() => void this.giveBack(), IDLE_MS).unref();
  }

  private async giveBack(): Promise<void> {
    this.idleTimer = null;
    this.buffers.clear();
    // A block shared with the thread is freed once both threads have collected their handles on it.
    // A thread that has stopped cannot collect, and stop() has said so already.
    await this.request({ op: 'collect' }).catch(() => undefined);
    if (this.openSessions === 0) collectGarbage();
  }

  /** An unexpected end loses the index: every waiting and later request fails, and the jobs are retried. */
  private stop(reason: string): void {
    if (this.stopped) return;
    this.stopped = reason;
    this.log.error(`${reason}; this worker can no longer match and should be restarted`);
    for (const waiting of this.pending.values()) waiting.reject(new Error(reason));
    this.pending.clear();
  }
}

/** One video's frames in the match thread. Close it when done: the thread holds the frames until then. */
export class MatchSession {
  private readonly held: SharedArrayBuffer[] = [];
  private closing = false;

  constructor(
    private readonly thread: MatchThread,
    private readonly session: number,
    readonly push: (frame: GreyFrame) => void,
    /** Frames in one block; the thread shares a block read into `blockBytes`, and copies any other. */
    readonly pushBlock: (block: GreyFrameBlock) => void,
    private readonly buffers: FrameBuffers,
    private readonly onClosed: () => void,
  ) {}

  /** Bytes shared with the thread, for a block of frames to push (FrameStore.readBlock); kept for another session once this one is closed. */
  blockBytes(bytes: number): Uint8Array {
    if (this.closing) throw new Error(`match session ${this.session} is closing: no more frames can be read for it`);
    const buffer = this.buffers.take(bytes);
    this.held.push(buffer);
    return new Uint8Array(buffer, 0, bytes);
  }

  /** After the first pass: the region of the episode's second view, or null; when there is one, push the same frames again before `fingerprint`. */
  secondView(): Promise<MatchReplies['second']> {
    return this.thread.request({ op: 'second', session: this.session });
  }

  fingerprint(): Promise<MatchReplies['fingerprint']> {
    return this.thread.request({ op: 'fingerprint', session: this.session });
  }

  /** A `probe` session's frames under every hypothesis of the clip: what every shard's stage one copies instead of hashing. */
  probe(): Promise<QueryProbe> {
    return this.thread.request({ op: 'probe', session: this.session });
  }

  /**
   * Stage one against the thread's index, on the pushed frames or on the
   * clip's full probe (then push the frames before `finish`), trying the
   * `shared` geometries too and continuing the sparse round kept under its
   * key, if any (searchCandidates); answers the candidate episodes whose
   * full fingerprints `finish` needs. With every shard's `proposals`, the
   * stage one kept under the shared key by MatchThread.candidates serves, if
   * it is still there, and only its candidates within the budget they leave
   * (withinBudget) are verified.
   */
  plan(
    options: Partial<MatcherOptions>,
    probe?: QueryProbe,
    shared?: { readonly tags: readonly number[]; readonly key: string },
    proposals?: readonly ProposedLine[],
  ): Promise<readonly string[]> {
    return this.thread.request({ op: 'plan', session: this.session, options, probe, shared, proposals });
  }

  finish(references: ReadonlyMap<string, Reference>): Promise<EpisodeMatch[]> {
    return this.thread.request({ op: 'finish', session: this.session, references });
  }

  /** The matches of `episodes` among their works' episodes (`members`), as retro-matching judges them. */
  family(members: readonly StoredFingerprint[], episodes: readonly string[]): Promise<EpisodeMatch[]> {
    return this.thread.request({ op: 'family', session: this.session, members, episodes });
  }

  /** The thread drops the session's frames; only then are its block bytes given to another session. */
  async close(): Promise<null> {
    const first = !this.closing;
    this.closing = true;
    try {
      return await this.thread.request({ op: 'close', session: this.session });
    } finally {
      for (const buffer of this.held.splice(0)) this.buffers.give(buffer);
      if (first) this.onClosed();
    }
  }
}
